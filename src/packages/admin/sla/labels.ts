import { CASE_CLASS_LABELS, type CaseClass } from '../../../domain/case/case-state';
import type { DeadlineKind, DeadlineSpec } from '../../../domain/case/sla-config';

/** Chinese names of the §5 deadlines and units, for the administrator's table. */
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  emergency_notify: '突发性事件通知社区和街道',
  emergency_sign_for: '突发性事件有人签收',
  emergency_hand_up: '突发性事件办结、移交或上报',
  sign_for: '网格员签收新事件',
  to_community_head: '解决不了的事件报社区主要负责人',
  to_street: '社区上报街道相关部门',
  answer: '答复反映的问题',
};

export const UNIT_LABELS: Record<DeadlineSpec['unit'], string> = {
  immediate: '立即',
  working_hours: '工作小时',
  half_working_days: '个半工作日',
  working_days: '个工作日',
  hours: '小时（自然时间）',
};

export const ruleText = (r: DeadlineSpec): string => (r.unit === 'immediate' ? '立即' : `${r.amount} ${UNIT_LABELS[r.unit]}`);

/** Where an adjustment applies: a category and/or a class, else the whole street. */
export const scopeText = (o: { categoryId?: string; caseClass?: CaseClass }, categoryLabel: (id: string) => string): string =>
  [o.categoryId ? categoryLabel(o.categoryId) : '全部分类', o.caseClass ? CASE_CLASS_LABELS[o.caseClass] : '全部类型'].join(' · ');
