import type { CaseAction } from '../case/case-command';
import type { CaseState } from '../case/case-state';
import type { NotificationKind } from './kinds';

/** Who, relative to a case, a notification goes to. Staff levels are resolved to user ids by the function. */
export type Audience = 'reporter' | 'owner' | 'grid' | 'community' | 'street';

export interface PlannedNotification {
  kind: NotificationKind;
  audience: Audience;
}

/** A failed check or a 返工 sends the work back to its owner; a passing one ends here. */
const BACK_TO_OWNER_UNLESS: readonly CaseState[] = ['verified', 'rated', 'closed'];

/**
 * Who is told about a case action (PRODUCT.md §6: the reporter at sign-for, escalation, resolution and
 * return; the level a case is handed up to on assignment). Exhaustive: a new action must say who hears of it.
 */
const ACTION_NOTIFIES: Record<CaseAction, (to: CaseState) => PlannedNotification[]> = {
  accept: () => [{ kind: 'case_accepted', audience: 'reporter' }],
  start: () => [],
  escalate_to_community: () => [
    { kind: 'case_escalated', audience: 'reporter' },
    { kind: 'case_assigned', audience: 'community' },
  ],
  dispatch: () => [
    { kind: 'case_escalated', audience: 'reporter' },
    { kind: 'case_assigned', audience: 'street' },
  ],
  escalate_to_street: () => [
    { kind: 'case_escalated', audience: 'reporter' },
    { kind: 'case_assigned', audience: 'street' },
  ],
  transfer: () => [],
  resolve: () => [{ kind: 'case_resolved', audience: 'reporter' }],
  verify: (to) => (BACK_TO_OWNER_UNLESS.includes(to) ? [] : [{ kind: 'case_assigned', audience: 'owner' }]),
  rate: (to) => (BACK_TO_OWNER_UNLESS.includes(to) ? [] : [{ kind: 'case_assigned', audience: 'owner' }]),
  archive: () => [],
  return: () => [{ kind: 'case_returned', audience: 'reporter' }],
  supervise: () => [],
  // A correction of the class is in the timeline; nobody's work changes hands.
  reclassify: () => [],
};

export function notificationsForAction(action: CaseAction, to: CaseState): PlannedNotification[] {
  return ACTION_NOTIFIES[action](to);
}

export interface RecipientContext {
  reporterId: string;
  ownerId?: string;
  /** Who acted: nobody is told about what they did themselves. */
  actorId: string;
  staff: Partial<Record<'grid' | 'community' | 'street', readonly string[]>>;
}

/** The planned notifications as (user, kind) pairs, each user once per kind, never the actor. */
export function resolveRecipients(plan: readonly PlannedNotification[], ctx: RecipientContext): Array<{ toUserId: string; kind: NotificationKind }> {
  const seen = new Set<string>();
  const out: Array<{ toUserId: string; kind: NotificationKind }> = [];
  for (const { kind, audience } of plan) {
    const ids = audience === 'reporter' ? [ctx.reporterId] : audience === 'owner' ? (ctx.ownerId ? [ctx.ownerId] : []) : (ctx.staff[audience] ?? []);
    for (const toUserId of ids) {
      const key = `${kind}|${toUserId}`;
      if (toUserId === ctx.actorId || seen.has(key)) continue;
      seen.add(key);
      out.push({ toUserId, kind });
    }
  }
  return out;
}
