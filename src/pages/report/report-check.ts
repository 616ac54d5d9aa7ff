import type { FieldErrors } from '../../domain/errors';
import { reportInputSchema, type Category } from '../../domain/case/api';
import type { ActionInput } from '../../domain/api';
import { fieldErrorsOf } from '../../domain/validation';
import type { ReportDraft } from './report-draft';
import { topOf } from './category-top';
import { noticedChangeOf } from '../../components/register-change/value';

export type ReportInput = ActionInput<'case', 'report'>;

/**
 * The draft as the `report` action's input (the contract's schema), or the fields to fix, in Chinese.
 * `notesChanges`: the caller is the grid's worker, offered 户况有变动 — only then is the note sent.
 */
export function checkReport(draft: ReportDraft, categories: readonly Category[], notesChanges = false): { input: ReportInput } | { fields: FieldErrors } {
  const noticed = notesChanges && draft.change ? noticedChangeOf(draft.change) : undefined;
  const input: ReportInput = {
    requestId: draft.requestId,
    gridId: draft.gridId,
    categoryId: draft.categoryId,
    urgent: draft.urgent === true,
    description: draft.description,
    photos: draft.photos.map((p) => p.fileId),
    location: {
      ...(draft.lat !== undefined && draft.lng !== undefined ? { lat: draft.lat, lng: draft.lng } : {}),
      ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
    },
    ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    anonymous: draft.anonymous,
    ...(noticed ? { register: { ...noticed, householdId: draft.householdId ?? '' } } : {}),
  };
  const fields: FieldErrors = {};
  const parsed = reportInputSchema.safeParse(input);
  // The same words the function would answer with (one mapping, domain/plain-errors.ts), keyed by the top field.
  // The note's parts keep their own path (register.kind …): the control shows each under its own field.
  if (!parsed.success) for (const [path, message] of Object.entries(fieldErrorsOf(reportInputSchema, input, parsed.error.issues))) fields[path.startsWith('register.') ? path : path.split('.')[0]] ??= message;
  // The schema's own messages for these are not written for residents; say what to do instead.
  const top = topOf(categories, draft.categoryId);
  if (!top) fields.categoryId = '请选择问题的类别';
  else if (top.children.length > 0 && top.id === draft.categoryId) fields.categoryId = '请再选一种具体问题';
  else delete fields.categoryId;
  if (noticed && !draft.householdId) fields['register.householdId'] = '请选择发生变动的住户';
  if (fields.location) fields.location = '详细地点最多 100 个字';
  if (!draft.gridId) fields.gridId = '请先扫描网格公示牌上的二维码，或从公示牌点“上报问题”';
  return Object.keys(fields).length > 0 ? { fields } : { input };
}
