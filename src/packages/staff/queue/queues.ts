import type { ActionInput, ActionOutput } from '../../../domain/api';
import type { Role } from '../../../domain/user';
import { call } from '../../../services/call';

/** Every work list of PRODUCT.md §5 and issue 4 item 3, with who sees it and how it loads. */
export const QUEUE_KINDS = ['inbox', 'community', 'street', 'department', 'overdue_community', 'overdue_street'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

type PageInput = ActionInput<'case', 'inbox'>;

interface QueueSpec {
  title: string;
  empty: string;
  roles: readonly Role[];
  /** One cursor page; the workbench asks `{ limit: 1 }` for the counts. */
  load: (page: PageInput) => Promise<ActionOutput<'case', 'inbox'>>;
}

export const QUEUES: Record<QueueKind, QueueSpec> = {
  inbox: { title: '我的待办', empty: '没有待办的事件。', roles: ['grid_officer', 'grid_chief'], load: (page) => call('case', 'inbox', page) },
  community: { title: '社区待办', empty: '社区没有待办的事件。', roles: ['community_staff'], load: (page) => call('case', 'queue', { level: 'community', ...page }) },
  overdue_community: { title: '社区督办（超时）', empty: '没有超时的事件。', roles: ['community_staff'], load: (page) => call('case', 'overdue', { level: 'community', ...page }) },
  street: { title: '街道待办', empty: '街道没有待办的事件。', roles: ['street_staff'], load: (page) => call('case', 'queue', { level: 'street', ...page }) },
  overdue_street: { title: '街道督办（超时）', empty: '没有超时的事件。', roles: ['street_staff'], load: (page) => call('case', 'overdue', { level: 'street', ...page }) },
  department: { title: '科室交办', empty: '没有交办的事件。', roles: ['street_staff'], load: (page) => call('case', 'queue', { level: 'department', ...page }) },
};

export const isQueueKind = (v: string | undefined): v is QueueKind => QUEUE_KINDS.includes(v as QueueKind);

export const queueUrl = (kind: QueueKind) => `/packages/staff/queue/index?kind=${kind}`;
export const staffCaseUrl = (caseId: string) => `/packages/staff/case/index?caseId=${encodeURIComponent(caseId)}`;
