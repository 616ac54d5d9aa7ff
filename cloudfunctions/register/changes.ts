import type { z } from 'zod';
import { OVERDUE_KIND_LABELS, type registerApi } from '../../src/domain/register/api';
import { CHANGE_KIND_LABELS, CHANGE_SOURCE_LABELS, type ChangeRecord } from '../../src/domain/register';
import { DomainError } from '../../src/domain/errors';
import type { Invocation } from '../_lib';
import { actingIn, actingInOwnStreet, authorizeAt, placeOf } from './context';
import { scopedListing, scopedWhere } from './scope-where';

type Input<A extends keyof typeof registerApi> = z.infer<(typeof registerApi)[A]['input']>;

/** The most overdue items one list shows per kind; past this the list says it is truncated. */
const OVERDUE_MAX = 200;

export const changeView = (c: ChangeRecord) => ({
  changeId: c._id,
  gridId: c.gridId,
  ...(c.householdId ? { householdId: c.householdId } : {}),
  ...(c.reportedAddress ? { reportedAddress: c.reportedAddress } : {}),
  ...(c.residentId ? { residentId: c.residentId } : {}),
  kind: c.kind,
  kindLabel: CHANGE_KIND_LABELS[c.kind],
  occurredOn: c.occurredOn,
  summary: c.summary,
  state: c.state,
  source: c.source,
  sourceLabel: CHANGE_SOURCE_LABELS[c.source],
  dueAt: c.dueAt.toISOString(),
  // Recorded after its deadline: counted late even though it is done.
  late: (c.recordedAt ?? new Date(8.64e15)).getTime() > c.dueAt.getTime(),
  handoverState: c.handover.state,
  handoverDueAt: c.handover.dueAt.toISOString(),
  ...(c.handover.acknowledgedBy ? { acknowledgedByName: c.handover.acknowledgedBy.name } : {}),
  ...(c.handover.reply ? { reply: c.handover.reply } : {}),
  version: c.version,
});

/**
 * changes: the 交接单 of the caller's scope, newest first (community staff: the ones to acknowledge).
 * Only recorded changes: a draft from other work is not a change until its worker confirms it (`drafts`).
 */
export async function changes(input: Input<'changes'>, call: Invocation) {
  const { acting, scopes, grid } = await scopedListing(call, 'read', input.gridId);
  const extra: Record<string, unknown> = { ...grid, state: 'recorded' };
  if (input.handoverState) extra['handover.state'] = input.handoverState;
  const page = await acting.stores.changes.page(scopedWhere(call, acting.streetId, scopes, extra), { orderBy: ['createdAt', 'desc'], after: input.after ?? null, limit: input.limit });
  return { items: page.items.map(changeView), next: page.next };
}

/** drafts: changes noted by a visit or a case, waiting for the worker of their grid; oldest deadline first. */
export async function drafts(input: Input<'drafts'>, call: Invocation) {
  const { acting, scopes, grid } = await scopedListing(call, 'write', input.gridId);
  const page = await acting.stores.changes.page(scopedWhere(call, acting.streetId, scopes, { ...grid, state: 'draft' }), { orderBy: ['dueAt', 'asc'], after: input.after ?? null, limit: input.limit });
  return { items: page.items.map(changeView), next: page.next };
}

/** The draft named, for someone who may write its household's register (the grid's worker), still a draft. */
async function draftFor(call: Invocation, changeId: string) {
  const own = await actingInOwnStreet(call);
  const c = await own.stores.changes.require(changeId, '变动记录');
  const acting = own.streetId === c.streetId ? own : await actingIn(call, c.streetId);
  authorizeAt(acting, placeOf(c), 'write');
  if (c.state === 'recorded') throw new DomainError('CONFLICT', '这条变动已经登记过了');
  if (c.state === 'dismissed') throw new DomainError('CONFLICT', '这条变动已经忽略了');
  return { acting, c };
}

/** dismissChange: the worker found nothing changed (the visit or case misread it); kept with who and why. */
export async function dismissChange(input: Input<'dismissChange'>, call: Invocation) {
  const { acting, c } = await draftFor(call, input.changeId);
  const by = { userId: acting.caller.userId, name: acting.caller.name };
  const version = await acting.stores.changes.update({ _id: c._id, version: input.expectedVersion }, { state: 'dismissed', dismissedAt: call.now, dismissedBy: by, dismissReason: input.reason, updatedAt: call.now });
  return { id: c._id, version };
}

/** acknowledgeHandover: the community line owner signs for a 交接单 with what was done (000 L35). */
export async function acknowledgeHandover(input: Input<'acknowledgeHandover'>, call: Invocation) {
  const own = await actingInOwnStreet(call);
  const c = await own.stores.changes.require(input.changeId, '交接单');
  const acting = own.streetId === c.streetId ? own : await actingIn(call, c.streetId);
  authorizeAt(acting, placeOf(c), 'handover');
  if (c.state !== 'recorded') throw new DomainError('CONFLICT', '这条变动还没有由网格员确认登记');
  if (c.handover.state === 'acknowledged') throw new DomainError('CONFLICT', '这张交接单已经签收了');
  const version = await acting.stores.changes.update(
    { _id: c._id, version: input.expectedVersion },
    { handover: { ...c.handover, state: 'acknowledged', acknowledgedAt: call.now, acknowledgedBy: { userId: acting.caller.userId, name: acting.caller.name }, reply: input.reply }, updatedAt: call.now },
  );
  return { id: c._id, version };
}

/**
 * overdue: what is past its deadline in the caller's scope (worker: their grids; chief: their grids;
 * community: the community) — changes not yet registered, 交接单 not acknowledged, renters not met this
 * month. Deadlines were computed on the street's working calendar when each record was made.
 */
export async function overdue(input: Input<'overdue'>, call: Invocation) {
  const { acting, scopes, grid } = await scopedListing(call, 'read', input.gridId);
  const _ = call.db.command;
  const where = (more: Record<string, unknown>) => scopedWhere(call, acting.streetId, scopes, { ...grid, ...more });
  const [drafts, handovers, renters] = await Promise.all([
    acting.stores.changes.page(where({ state: 'draft', dueAt: _.lte(call.now) }), { orderBy: ['dueAt', 'asc'], limit: OVERDUE_MAX }),
    acting.stores.changes.page(where({ state: 'recorded', 'handover.state': 'pending', 'handover.dueAt': _.lte(call.now) }), { orderBy: ['handover.dueAt', 'asc'], limit: OVERDUE_MAX }),
    acting.stores.tenancies.page(where({ moveOutOn: _.exists(false), contactDueAt: _.lte(call.now) }), { orderBy: ['contactDueAt', 'asc'], limit: OVERDUE_MAX }),
  ]);
  const items = [
    ...drafts.items.map((c) => ({ kind: 'change_unconfirmed' as const, gridId: c.gridId, householdId: c.householdId, targetId: c._id, summary: c.summary, dueAt: c.dueAt.toISOString() })),
    ...handovers.items.map((c) => ({ kind: 'handover_unacknowledged' as const, gridId: c.gridId, householdId: c.householdId, targetId: c._id, summary: c.summary, dueAt: c.handover.dueAt.toISOString() })),
    ...renters.items.map((t) => ({ kind: 'renter_contact' as const, gridId: t.gridId, householdId: t.householdId, targetId: t._id, summary: `房东${t.landlordName}的出租户`, dueAt: t.contactDueAt.toISOString() })),
  ]
    .map((i) => ({ ...i, kindLabel: OVERDUE_KIND_LABELS[i.kind] }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { items, truncated: Boolean(drafts.next || handovers.next || renters.next) };
}
