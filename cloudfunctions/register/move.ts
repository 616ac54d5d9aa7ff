import type { z } from 'zod';
import { changeRecordSchema, chinaDateOf, dueInstantOf, householdRecordSchema, residentRecordSchema, type ChangeRecord, type HouseholdRecord, type ResidentRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { inTransaction, type Tx } from '../_lib';
import { appendAuditInTransaction, type AuditEntry } from '../_lib/audit';
import { DomainError } from '../../src/domain/errors';
import { buildChange, refreshGridCounts } from '../_lib/register';
import { actingIn, actingInOwnStreet, authorizeAt, calendarOf, invalid, placeOf, type RegisterCall } from './context';
import { unionFlags } from './people';

/** One day, for the retention period counted in days from the day someone left. */
const DAY_MS = 86_400_000;

/** When a person who moved away or died is purged: the street's retention counted from the day they left. */
export const purgeAtOf = (leftOn: string, retentionDays: number) => new Date(dueInstantOf(leftOn).getTime() + retentionDays * DAY_MS);

type Input = z.infer<(typeof registerApi)['movePerson']['input']>;

/**
 * movePerson: a person moves to another household of the register, moves away, or has died. The old
 * membership is closed (history kept), both households' member counts and care flags follow, and each
 * side gets its dated change record with a 交接单 (000 L35).
 */
export async function movePerson(input: Input, call: RegisterCall) {
  const own = await actingInOwnStreet(call);
  const r = await own.stores.residents.require(input.residentId, '人员');
  const acting = own.streetId === r.streetId ? own : await actingIn(call, r.streetId);
  authorizeAt(acting, placeOf(r), 'write');
  const key = moveKeyOf(input);
  // The retry of a move that was applied (the answer lost, or the function died after its commit): answered
  // as done, and what follows the commit — the grids' counts — is done again (idempotent completion).
  if (r.lastMove?.key === key && r.version === input.expectedVersion + 1) {
    const change = await acting.stores.changes.load(r.lastMove.changeId);
    await refreshCountsOf(call, [change?.gridId, r.gridId]);
    return { id: r._id, version: r.version, changeId: r.lastMove.changeId };
  }
  if (r.status !== 'active') throw invalid('residentId', '此人已迁出或死亡');
  if (r.version !== input.expectedVersion) throw new DomainError('CONFLICT', '此人的登记信息已被其他人修改，请刷新后重试');
  const today = chinaDateOf(call.now);
  if (input.occurredOn > today) throw invalid('occurredOn', '发生日期不能晚于今天');
  const current = r.memberships.at(-1);
  if (current && input.occurredOn < current.from) throw invalid('occurredOn', '迁移日期不能早于迁入本户的日期');
  const from = await acting.stores.households.require(r.householdId, '户');
  const to = input.to.kind === 'household' ? await acting.stores.households.require(input.to.householdId, '迁入户') : null;
  if (to) {
    if (to._id === from._id) throw invalid('to.householdId', '迁入户与现住户相同');
    authorizeAt(acting, placeOf(to), 'write');
  }
  const calendar = await calendarOf(call, r.streetId);
  const by = { userId: acting.caller.userId, name: acting.caller.name };
  const outKind = input.to.kind === 'deceased' ? 'death' : 'move_out';
  const changes: ChangeRecord[] = [
    buildChange({ ...placeOf(from), householdId: from._id, residentId: r._id, kind: outKind, occurredOn: input.occurredOn, subject: r.name, source: 'worker', by }, acting.rules, calendar, call.now),
  ];
  if (to) changes.push(buildChange({ ...placeOf(to), householdId: to._id, residentId: r._id, kind: 'move_in', occurredOn: input.occurredOn, subject: r.name, source: 'worker', by }, acting.rules, calendar, call.now));
  const memberships = [...r.memberships.slice(0, -1), ...(current ? [{ ...current, to: input.occurredOn }] : [])];
  const lastMove = { key, changeId: changes[0]._id };
  const patch: Partial<ResidentRecord> = to
    ? { ...placeOf(to), householdId: to._id, relation: (input.to as { relation: ResidentRecord['relation'] }).relation, memberships: [...memberships, { householdId: to._id, relation: (input.to as { relation: ResidentRecord['relation'] }).relation, from: input.occurredOn }], lastMove, updatedAt: call.now }
    : {
        status: input.to.kind === 'deceased' ? 'deceased' : 'moved_away',
        leftOn: input.occurredOn,
        purgeAt: purgeAtOf(input.occurredOn, acting.rules.retention.days),
        memberships,
        lastMove,
        updatedAt: call.now,
      };
  const audit: AuditEntry = { caller: acting.caller, streetId: r.streetId, now: call.now, action: 'register.movePerson', target: { collection: 'residents', id: r._id, label: r.name }, before: { householdId: r.householdId, status: r.status }, after: { householdId: patch.householdId ?? r.householdId, status: patch.status ?? r.status } };
  const [stayers, joiners] = await Promise.all([
    acting.stores.residents.all({ householdId: from._id, status: 'active' }, { max: 500 }),
    to ? acting.stores.residents.all({ householdId: to._id, status: 'active' }, { max: 500 }) : Promise.resolve([]),
  ]);
  const version = await inTransaction(call.db, async (tx) => {
    const v = await tx.collectionOf('residents', residentRecordSchema).update(r, patch);
    await leave(tx, from, r, stayers.filter((m) => m._id !== r._id), call.now);
    if (to) await join(tx, to, [...joiners, r], input.to.kind === 'household' && input.to.relation === 'head' ? r._id : undefined, call.now);
    const log = tx.collectionOf('register_changes', changeRecordSchema);
    for (const c of changes) if (!(await log.load(c._id))) await log.insert(c);
    await appendAuditInTransaction(tx, audit);
    return v;
  });
  await refreshCountsOf(call, [from.gridId, to?.gridId]);
  return { id: r._id, version, changeId: changes[0]._id };
}

/** What makes two calls the same move: the version it was asked at, the date and the destination. */
const moveKeyOf = (input: Input) => `${input.expectedVersion}|${input.occurredOn}|${JSON.stringify(input.to)}`;

/** Recounts the grids a move touched (a cache on the grid; recomputed whole, so running it twice is harmless). */
export async function refreshCountsOf(call: RegisterCall, gridIds: ReadonlyArray<string | undefined>): Promise<void> {
  for (const gridId of new Set(gridIds.filter((g): g is string => Boolean(g)))) await refreshGridCounts(call.db, gridId, call.now);
}

export async function leave(tx: Tx, h: HouseholdRecord, r: ResidentRecord, stayers: ResidentRecord[], now: Date) {
  const households = tx.collectionOf('households', householdRecordSchema);
  const fresh = await households.require(h._id, '户');
  await households.update(fresh, {
    memberCount: Math.max(0, fresh.memberCount - 1),
    careFlags: unionFlags(stayers),
    // The head left: the household has no head until the worker names one.
    ...(fresh.headResidentId === r._id ? { headResidentId: null } : {}),
    updatedAt: now,
  });
}

export async function join(tx: Tx, h: HouseholdRecord, members: ResidentRecord[], newHead: string | undefined, now: Date) {
  const households = tx.collectionOf('households', householdRecordSchema);
  const fresh = await households.require(h._id, '户');
  await households.update(fresh, { memberCount: fresh.memberCount + 1, careFlags: unionFlags(members), ...(newHead ? { headResidentId: newHead } : {}), updatedAt: now });
}
