import * as z from 'zod';
import { CASE_CLASSES, RATINGS } from './case-state';

const note = z.string().trim().max(500, '不能超过 500 字');
const requiredText = (label: string) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(500, `${label}不能超过 500 字`);
const photos = z.array(z.string().min(1)).max(9, '照片最多 9 张');

/** Every action on a case with its payload; one schema used by the cloud function and the form alike. */
export const caseCommandSchema = z.discriminatedUnion('type', [
  // The officer confirms or changes the class when signing for it (PRODUCT.md §4).
  z.object({ type: z.literal('accept'), caseClass: z.enum(CASE_CLASSES).optional(), note: note.optional() }),
  z.object({ type: z.literal('start'), note: note.optional(), photos: photos.optional() }),
  z.object({ type: z.literal('escalate_to_community'), note: note.optional(), photos: photos.optional() }),
  z.object({ type: z.literal('dispatch'), departmentId: z.string().min(1, '请选择承办科室'), dueAt: z.date({ error: '请填写办理期限' }), note: note.optional() }),
  z.object({ type: z.literal('escalate_to_street'), note: note.optional(), photos: photos.optional() }),
  // 移交 needs a written record (PRODUCT.md §5).
  z.object({ type: z.literal('transfer'), agency: requiredText('移交单位'), record: requiredText('移交记录') }),
  // 办结 needs evidence photos and a result note (PRODUCT.md §5).
  z.object({ type: z.literal('resolve'), note: requiredText('办理结果'), photos: photos.min(1, '请至少上传 1 张处理后的现场照片') }),
  z.object({ type: z.literal('verify'), passed: z.boolean(), note: note.optional() }),
  z.object({ type: z.literal('rate'), rating: z.enum(RATINGS, { error: '请选择满意度' }), note: note.optional() }),
  z.object({ type: z.literal('archive'), note: note.optional() }),
  // 004 L9 "在承办单上写明原因": a return always says why, and the reporter sees it.
  z.object({ type: z.literal('return'), reason: requiredText('退回原因') }),
  z.object({ type: z.literal('supervise'), dueAt: z.date({ error: '请填写督办期限' }), note: requiredText('督办事项') }),
  // Issue 8 item 3: residents never choose a class; staff may change the one the category gave, saying why.
  z.object({ type: z.literal('reclassify'), caseClass: z.enum(CASE_CLASSES, { error: '请选择事件类型' }), reason: requiredText('改类型的原因') }),
]);
export type CaseCommand = z.infer<typeof caseCommandSchema>;
export type CaseAction = CaseCommand['type'];
export type CaseCommandOf<A extends CaseAction> = Extract<CaseCommand, { type: A }>;

export const CASE_ACTIONS = [
  'accept',
  'start',
  'escalate_to_community',
  'dispatch',
  'escalate_to_street',
  'transfer',
  'resolve',
  'verify',
  'rate',
  'archive',
  'return',
  'supervise',
  'reclassify',
] as const satisfies readonly CaseAction[];

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  accept: '签收',
  start: '开始处置',
  escalate_to_community: '上报社区',
  dispatch: '交办',
  escalate_to_street: '上报街道',
  transfer: '移交',
  resolve: '办结',
  verify: '核查',
  rate: '评价',
  archive: '归档',
  return: '退回',
  supervise: '挂牌督办',
  reclassify: '改事件类型',
};
