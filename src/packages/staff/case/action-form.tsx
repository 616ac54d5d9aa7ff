import { View } from '@tarojs/components';
import { CaseChoice } from '../../../components/case-choice';
import { CasePhotoUpload } from '../../../components/case-photo-upload';
import { Field } from '../../../components/field';
import { CASE_CLASSES, CASE_CLASS_LABELS } from '../../../domain/case/case-state';
import type { ActionFormState, StaffAction } from './action-form-state';

const CLASS_OPTIONS = CASE_CLASSES.map((c) => ({ value: c, label: CASE_CLASS_LABELS[c] }));
const DAY_OPTIONS = ['1', '3', '5', '10'].map((d) => ({ value: d, label: `${d} 天内` }));
const VERIFY_OPTIONS = [
  { value: 'yes' as const, label: '核查通过' },
  { value: 'no' as const, label: '不通过，退回重办' },
];
// 004 L9: a return always says why; the usual reasons as one tap, any other typed.
const RETURN_REASONS = ['不属于网格职责', '重复上报', '信息不足，无法办理'];

interface ActionFormProps {
  action: StaffAction;
  form: ActionFormState;
  onChange: (patch: Partial<ActionFormState>) => void;
  fieldError: (name: string) => string | undefined;
}

/** The fields one action needs, nothing more; errors from the function next to their field. */
export function ActionForm({ action, form, onChange, fieldError }: ActionFormProps) {
  const note = (label: string) => (
    <Field label={label} kind='multiline' value={form.note} onChange={(v) => onChange({ note: v })} maxLength={500} error={fieldError('note')} />
  );
  const photos = (label: string) => <CasePhotoUpload label={label} photos={form.photos} onChange={(p) => onChange({ photos: p })} error={fieldError('photos')} />;

  switch (action) {
    case 'accept':
      return (
        <View>
          <CaseChoice label='确认事件类型' options={CLASS_OPTIONS} value={form.caseClass} onChange={(caseClass) => onChange({ caseClass })} error={fieldError('caseClass')} />
          {note('备注（可不填）')}
        </View>
      );
    case 'start':
    case 'escalate_to_community':
    case 'escalate_to_street':
    case 'archive':
      return (
        <View>
          {note('说明（可不填）')}
          {action !== 'archive' && photos('照片（可不拍）')}
        </View>
      );
    case 'resolve':
      return (
        <View>
          {photos('处理后的现场照片（至少 1 张）')}
          {note('办理结果')}
        </View>
      );
    case 'verify':
      return (
        <View>
          <CaseChoice label='核查结果' options={VERIFY_OPTIONS} value={form.passed} onChange={(passed) => onChange({ passed })} columns={1} error={fieldError('passed')} />
          {note(form.passed === 'no' ? '不通过的原因' : '核查说明（可不填）')}
        </View>
      );
    case 'return':
      return (
        <View>
          <CaseChoice label='退回原因（上报人能看到）' options={RETURN_REASONS.map((r) => ({ value: r, label: r }))} value={RETURN_REASONS.includes(form.reason) ? form.reason : undefined} onChange={(reason) => onChange({ reason })} columns={1} />
          <Field label='或写明其他原因' value={form.reason} onChange={(v) => onChange({ reason: v })} maxLength={500} error={fieldError('reason')} />
        </View>
      );
    case 'transfer':
      return (
        <View>
          <Field label='移交单位（如派出所、消防救援站）' value={form.agency} onChange={(v) => onChange({ agency: v })} maxLength={100} error={fieldError('agency')} />
          <Field label='移交记录（交给谁、何时、怎么交的）' kind='multiline' value={form.record} onChange={(v) => onChange({ record: v })} maxLength={500} error={fieldError('record')} />
        </View>
      );
    case 'dispatch':
      return (
        <View>
          <Field label='承办科室' value={form.departmentId} onChange={(v) => onChange({ departmentId: v })} maxLength={64} error={fieldError('departmentId')} />
          <CaseChoice label='办理期限' options={DAY_OPTIONS} value={form.days} onChange={(days) => onChange({ days })} error={fieldError('dueAt')} />
          {note('交办事项（可不填）')}
        </View>
      );
    case 'reclassify':
      return (
        <View>
          <CaseChoice label='改为哪一类' options={CLASS_OPTIONS} value={form.caseClass} onChange={(caseClass) => onChange({ caseClass })} error={fieldError('caseClass')} />
          <Field label='为什么改（会记在办理经过里）' kind='multiline' value={form.reason} onChange={(v) => onChange({ reason: v })} maxLength={500} error={fieldError('reason')} />
        </View>
      );
    case 'supervise':
      return (
        <View>
          <CaseChoice label='督办期限' options={DAY_OPTIONS} value={form.days} onChange={(days) => onChange({ days })} error={fieldError('dueAt')} />
          {note('督办事项')}
        </View>
      );
  }
}
