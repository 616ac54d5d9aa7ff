import type { ActionInput } from '../../../domain/api';
import type { CaseAction } from '../../../domain/case/case-command';
import type { CaseClass } from '../../../domain/case/case-state';
import type { UploadedPhoto } from '../../../components/case-photo-upload';

export type CommandInput = ActionInput<'case', 'act'>['command'];
/** Actions staff take on this page; `rate` belongs to the reporter's page. */
export type StaffAction = Exclude<CaseAction, 'rate'>;

/** Everything any action form can hold; each action reads only its own fields. */
export interface ActionFormState {
  note: string;
  photos: UploadedPhoto[];
  caseClass?: CaseClass;
  departmentId: string;
  days: string;
  agency: string;
  record: string;
  passed?: 'yes' | 'no';
  reason: string;
}

export const emptyForm = (caseClass?: CaseClass): ActionFormState => ({
  note: '',
  photos: [],
  caseClass,
  departmentId: '',
  days: '3',
  agency: '',
  record: '',
  reason: '',
});

const noteOf = (f: ActionFormState) => (f.note.trim() ? { note: f.note.trim() } : {});
const photosOf = (f: ActionFormState) => (f.photos.length > 0 ? { photos: f.photos.map((p) => p.fileId) } : {});
/** A deadline some days from now (the contract takes ISO 8601 with offset). */
const dueIn = (days: string) => new Date(Date.now() + Number(days) * 24 * 3600_000).toISOString();

/** The command each action sends; exhaustive, so a new action must be handled here. */
export const COMMAND_OF: { [A in StaffAction]: (f: ActionFormState) => CommandInput } = {
  accept: (f) => ({ type: 'accept', ...(f.caseClass ? { caseClass: f.caseClass } : {}), ...noteOf(f) }),
  start: (f) => ({ type: 'start', ...noteOf(f), ...photosOf(f) }),
  escalate_to_community: (f) => ({ type: 'escalate_to_community', ...noteOf(f), ...photosOf(f) }),
  escalate_to_street: (f) => ({ type: 'escalate_to_street', ...noteOf(f), ...photosOf(f) }),
  dispatch: (f) => ({ type: 'dispatch', departmentId: f.departmentId.trim(), dueAt: dueIn(f.days), ...noteOf(f) }),
  transfer: (f) => ({ type: 'transfer', agency: f.agency, record: f.record }),
  resolve: (f) => ({ type: 'resolve', note: f.note, photos: f.photos.map((p) => p.fileId) }),
  verify: (f) => ({ type: 'verify', passed: f.passed !== 'no', ...noteOf(f) }),
  archive: (f) => ({ type: 'archive', ...noteOf(f) }),
  return: (f) => ({ type: 'return', reason: f.reason }),
  supervise: (f) => ({ type: 'supervise', dueAt: dueIn(f.days), note: f.note }),
  reclassify: (f) => ({ type: 'reclassify', caseClass: f.caseClass as CaseClass, reason: f.reason }),
};

export const STAFF_ACTIONS = Object.keys(COMMAND_OF) as StaffAction[];
export const isStaffAction = (a: string): a is StaffAction => (STAFF_ACTIONS as string[]).includes(a);

/**
 * Steps that cannot be undone ask once more (issue 8 item 8: reversible steps need no second confirm):
 * 退回 and 移交 end the grid's handling, and the reporter is told.
 */
export const CONFIRM_BEFORE: Partial<Record<StaffAction, { title: string; content: string; confirmText: string; cancelText: string }>> = {
  return: { title: '确定退回吗？', content: '退回后这件事不再办理，上报人会看到退回原因。', confirmText: '确定退回', cancelText: '不退回' },
  transfer: { title: '确定移交吗？', content: '移交后由接收单位处理，网格这边的办理到此结束。', confirmText: '确定移交', cancelText: '不移交' },
};

/**
 * The one next action a case page leads with: the first the caller may take in this order (签收, then
 * 办结, 核查, 归档, then whatever else is allowed). The rest go under 更多.
 */
const NEXT_ORDER: readonly StaffAction[] = ['accept', 'resolve', 'verify', 'archive', 'start', 'escalate_to_community', 'escalate_to_street', 'dispatch', 'transfer', 'supervise', 'reclassify', 'return'];
export const nextActionOf = (allowed: readonly StaffAction[]): StaffAction | undefined => NEXT_ORDER.find((a) => allowed.includes(a));

/**
 * Taken with one tap, no form: 签收 keeps the class the category gave. A 突发性 case (an emergency
 * category, or the resident marked 有危险/很紧急) opens the form, where the officer confirms or downgrades it.
 */
export const isOneTap = (a: StaffAction, caseClass: CaseClass): boolean => a === 'accept' && caseClass !== 'emergency';
