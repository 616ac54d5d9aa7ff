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
};

export const STAFF_ACTIONS = Object.keys(COMMAND_OF) as StaffAction[];
export const isStaffAction = (a: string): a is StaffAction => (STAFF_ACTIONS as string[]).includes(a);
