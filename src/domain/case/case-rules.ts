import type { CaseAction } from './case-command';
import { currentHandler, holdsRoleOver, notTheHandler, reporter, supervisor, type ActorCheck } from './case-actor';
import { CASE_STATES, isFinished, type CaseState } from './case-state';

export interface ActionRule {
  /** States the action is valid in; anything else is CONFLICT. */
  from: readonly CaseState[];
  /** Who may act; anyone else is FORBIDDEN. */
  who: ActorCheck;
  /** Why `who` refused, shown to the user. */
  forbidden: string;
}

const OPEN: readonly CaseState[] = ['reported', 'accepted', 'in_progress', 'escalated_to_community', 'dispatched', 'escalated_to_street'];
const HANDLING: readonly CaseState[] = ['accepted', 'in_progress', 'escalated_to_community', 'dispatched', 'escalated_to_street'];
const either =
  (a: ActorCheck, b: ActorCheck): ActorCheck =>
  (c, actor) =>
    a(c, actor) || b(c, actor);
const both =
  (a: ActorCheck, b: ActorCheck): ActorCheck =>
  (c, actor) =>
    a(c, actor) && b(c, actor);

/** The whole workflow of PRODUCT.md §5 in one table: one row per action. */
export const ACTION_RULES: Record<CaseAction, ActionRule> = {
  accept: { from: ['reported'], who: currentHandler, forbidden: '只有本网格的网格员可以签收' },
  start: { from: ['accepted'], who: currentHandler, forbidden: '只有签收人可以处置(首问负责)' },
  escalate_to_community: { from: ['accepted', 'in_progress'], who: currentHandler, forbidden: '只有签收人可以上报社区' },
  // 交办函 come from the community (or the street); the grid officer cannot address a street department.
  dispatch: {
    from: ['accepted', 'in_progress', 'escalated_to_community'],
    who: holdsRoleOver('community_staff', 'street_staff'),
    forbidden: '只有社区或街道可以交办',
  },
  escalate_to_street: { from: HANDLING.filter((s) => s !== 'escalated_to_street'), who: currentHandler, forbidden: '只有当前承办人可以上报街道' },
  transfer: { from: HANDLING, who: currentHandler, forbidden: '只有当前承办人可以移交' },
  resolve: { from: HANDLING, who: currentHandler, forbidden: '只有当前承办人可以办结' },
  verify: { from: ['resolved'], who: both(supervisor, notTheHandler), forbidden: '核查人须为网格长、社区或街道人员,且不能是办理人' },
  rate: { from: ['verified'], who: reporter, forbidden: '只有上报人可以评价' },
  archive: { from: ['verified', 'rated'], who: supervisor, forbidden: '只有网格长、社区或街道人员可以归档' },
  return: { from: OPEN, who: currentHandler, forbidden: '只有当前承办人可以退回' },
  // 001 L23 挂牌督办: any case still in the workflow can be flagged by a supervisor.
  supervise: { from: CASE_STATES.filter((s) => !isFinished({ state: s })), who: supervisor, forbidden: '只有网格长、社区或街道人员可以督办' },
  // Issue 8 item 3: whoever holds the case, or anyone supervising it, may correct the class while it is open.
  reclassify: { from: OPEN, who: either(currentHandler, supervisor), forbidden: '只有承办人或网格长、社区、街道人员可以改事件类型' },
};
