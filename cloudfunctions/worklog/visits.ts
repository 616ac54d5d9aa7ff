import type { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import { buildingRecordSchema } from '../../src/domain/org/records';
import { householdRecordSchema } from '../../src/domain/register/records';
import type { recordVisitInputSchema, DueTaskView, VisitView } from '../../src/domain/worklog/api';
import { dueVisitTasks, previousPeriod, quarterOf, targetKeyOf, visitIdFor, visitRecordSchema, type DueTask, type VisitRecord } from '../../src/domain/worklog';
import { collectionOf, inTransaction, requireOwnUploads, type Invocation } from '../_lib';
import { insertDraftInTransaction, prepareDraft } from '../_lib/register';
import { gridsOf, requireOwnGrid, requireWorker } from './scope';
import { loadStreetWorkConfig } from './street-rules';
import { householdLabel, loadGridHomes, visitTargetsOf } from './targets';

export const visitsOf = (call: Invocation) => collectionOf(call.db, 'visits', visitRecordSchema);

// A phone clock a little ahead of the server's is not a visit in the future.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A draft written offline is sent later with the time it was written; older than the street's
 * `backfill_days` it is no longer a draft but a record made up after the fact.
 */
function visitedAtOf(input: { visitedAt?: Date }, now: Date, backfillDays: number): Date {
  const at = input.visitedAt ?? now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new DomainError('INVALID_INPUT', '输入有误：走访时间不能晚于现在', { visitedAt: '走访时间不能晚于现在' });
  if (now.getTime() - at.getTime() > backfillDays * 86_400_000) {
    throw new DomainError('INVALID_INPUT', `输入有误：只能补记${backfillDays}天内的走访`, { visitedAt: `只能补记${backfillDays}天内的走访` });
  }
  return at;
}

/** The target as stored: a household of the register or a building of the grid, in the visit's grid. */
async function targetOf(call: Invocation, gridId: string, input: { householdId?: string; buildingId?: string; door: string }) {
  if (input.householdId) {
    const h = await collectionOf(call.db, 'households', householdRecordSchema).load(input.householdId);
    if (!h || h.gridId !== gridId) throw new DomainError('NOT_FOUND', '住户不在这个网格的户籍底册中', { householdId: '住户不在这个网格中' });
    return { householdId: h._id, buildingId: h.buildingId, door: input.door, targetLabel: householdLabel(h) };
  }
  const b = await collectionOf(call.db, 'buildings', buildingRecordSchema).load(input.buildingId!);
  if (!b || b.gridId !== gridId) throw new DomainError('NOT_FOUND', '楼栋不在这个网格中', { buildingId: '楼栋不在这个网格中' });
  return { buildingId: b._id, door: input.door, targetLabel: `${b.name}${input.door}` };
}

export async function recordVisit(input: z.infer<typeof recordVisitInputSchema>, call: Invocation) {
  const { caller, gridIds } = await requireWorker(call);
  const _id = visitIdFor(caller.userId, input.requestId);
  // A retry after the first try was stored answers the same visit before any check that may have changed since.
  const existing = await visitsOf(call).load(_id);
  if (existing) return { visitId: existing._id, created: false };
  const grid = await requireOwnGrid(call, gridIds, input.gridId);
  const { rules } = await loadStreetWorkConfig(call.db, grid.streetId);
  const visitedAt = visitedAtOf(input, call.now, rules.backfill_days.amount);
  const target = await targetOf(call, grid._id, input);
  await requireOwnUploads(call.db, input.photos, caller.userId);
  const doc: VisitRecord = {
    _id,
    streetId: grid.streetId,
    communityId: grid.communityId,
    gridId: grid._id,
    workerId: caller.userId,
    kind: input.kind,
    ...(input.group ? { group: input.group } : {}),
    ...target,
    targetKey: targetKeyOf(target),
    notes: input.notes,
    photoFileIds: input.photos,
    partner: input.partner.kind === 'none' ? { kind: 'none' } : { kind: input.partner.kind, name: input.partner.name },
    visitedAt,
    requestId: input.requestId,
    version: 1,
    createdAt: call.now,
  };
  if (doc.buildingId === undefined) delete doc.buildingId;
  if (!input.registerChange || !doc.householdId) {
    const { doc: stored, created } = await visitsOf(call).insertOnce(doc);
    return { visitId: stored._id, created };
  }
  // A change seen at the household: its register draft is written with the visit, in one transaction.
  const draft = await prepareDraft(call.db, { householdId: doc.householdId, noticed: input.registerChange, source: 'visit', sourceId: _id, at: visitedAt, by: caller, gridId: grid._id }, call.now);
  const created = await inTransaction(call.db, async (tx) => {
    const visits = tx.collectionOf('visits', visitRecordSchema);
    if (await visits.load(_id)) return false;
    await visits.insert({ ...doc, registerChangeId: draft._id });
    await insertDraftInTransaction(tx, draft);
    return true;
  });
  return { visitId: _id, created };
}

export const visitView = (v: VisitRecord): VisitView => ({
  visitId: v._id,
  gridId: v.gridId,
  kind: v.kind,
  group: v.group,
  householdId: v.householdId,
  buildingId: v.buildingId,
  door: v.door,
  targetLabel: v.targetLabel,
  notes: v.notes,
  photoCount: v.photoFileIds.length,
  partner: v.partner.kind === 'none' ? { kind: 'none' } : { kind: v.partner.kind, name: v.partner.name },
  visitedAt: v.visitedAt.toISOString(),
  ...(v.registerChangeId ? { registerChangeId: v.registerChangeId } : {}),
});

export async function myVisits(input: { after?: string; limit?: number }, call: Invocation) {
  const { caller } = await requireWorker(call);
  const page = await visitsOf(call).page({ workerId: caller.userId }, { orderBy: ['visitedAt', 'desc'], after: input.after ?? null, limit: input.limit ?? 20 });
  return { visits: page.items.map(visitView), next: page.next };
}

export const dueTaskView = (t: DueTask): DueTaskView => ({
  ...t,
  window: { ...t.window, start: t.window.start.toISOString(), end: t.window.end.toISOString() },
});

export async function myDueVisits(_input: Record<string, never>, call: Invocation) {
  const { caller, gridIds, streetId } = await requireWorker(call);
  const since = previousPeriod(quarterOf(call.now)).start;
  const _ = call.db.command;
  const [config, visits, homes] = await Promise.all([
    loadStreetWorkConfig(call.db, streetId),
    visitsOf(call).all({ workerId: caller.userId, visitedAt: _.gte(new Date(since)) }, { max: 5_000 }),
    loadGridHomes(call.db, gridIds),
  ]);
  const tasks = dueVisitTasks({ now: call.now, rules: config.rules, visits, targets: visitTargetsOf(homes) });
  return { tasks: tasks.map(dueTaskView), overdue: tasks.filter((t) => t.status === 'overdue').length, open: tasks.filter((t) => t.status === 'open').length };
}

export async function visitTargets(_input: Record<string, never>, call: Invocation) {
  const { gridIds } = await requireWorker(call);
  const [grids, homes] = await Promise.all([gridsOf(call).loadMany(gridIds), loadGridHomes(call.db, gridIds)]);
  return {
    grids: grids
      .filter((g) => g.enabled)
      .map((g) => ({
        gridId: g._id,
        gridName: g.name,
        buildings: homes.buildings.filter((b) => b.gridId === g._id).map((b) => ({ buildingId: b._id, name: b.name })),
        households: homes.households.filter((h) => h.gridId === g._id).map((h) => ({ householdId: h._id, label: householdLabel(h), ...(h.buildingId ? { buildingId: h.buildingId } : {}) })),
      })),
  };
}
