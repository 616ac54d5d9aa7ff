import type { z } from 'zod';
import type { patrolApi } from '../../src/domain/patrol/api';
import { canPatrolGrid, PATROLLING_ROLES } from '../../src/domain/patrol/access';
import type { PatrolRecord } from '../../src/domain/patrol/records';
import { DAY_MS } from '../../src/domain/calendar/china-time';
import { MINUTE_MS, type PatrolRules } from '../../src/domain/patrol/rules';
import { minutesPatrolled, patrolEndFor } from '../../src/domain/patrol/track';
import { findCaller, requireCaller, type Invocation } from '../_lib';
import { requirePatrolGrid, requireWorker } from './scope';
import { gridsOf, loadEnabledGrid, loadPatrolConfig, patrolIdFor, patrolsOf, runningPatrolOf, updatePatrol } from './store';
import { samplingOf, summaryOf } from './views';

type Input<A extends keyof typeof patrolApi> = z.infer<(typeof patrolApi)[A]['input']>;

/** When a track is deleted: its end plus the street's retention (a running one: its longest possible end). */
export const purgeAtFor = (end: Date, rules: PatrolRules) => new Date(end.getTime() + rules.trackRetentionDays * DAY_MS);

/** grids: the enabled grids of the caller's streets that the caller may patrol. */
export async function grids(_input: Input<'grids'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetIds = [...new Set(caller.roles.filter((g) => PATROLLING_ROLES.includes(g.role)).map((g) => g.streetId))];
  if (!streetIds.length) return { grids: [] };
  const all = await gridsOf(call.db).all({ streetId: call.db.command.in(streetIds), enabled: true }, { orderBy: ['code', 'asc'] });
  const mine = all.filter((g) => canPatrolGrid(caller.roles, { streetId: g.streetId, communityId: g.communityId, gridId: g._id }));
  return { grids: mine.map((g) => ({ gridId: g._id, name: g.name, code: g.code })) };
}

/** The end patch: minutes fixed, and the track's deletion date from the street's retention. */
function endPatch(p: PatrolRecord, now: Date, rules: PatrolRules, cause: 'worker' | 'timeout') {
  const endedAt = patrolEndFor(p, now, rules);
  return { state: 'ended', endedAt, endCause: cause, minutes: minutesPatrolled(p, now, rules), trackPurgeAt: purgeAtFor(endedAt, rules) };
}

/**
 * start: a worker of the grid starts a patrol. Idempotent by request id (the `_id` derives from it). A
 * running patrol is answered instead of a second one (the app was closed and reopened); one that ran
 * past the street's maximum length is ended first (a forgotten patrol), then the new one starts.
 */
export async function start(input: Input<'start'>, call: Invocation) {
  const caller = await requireCaller(call);
  const grid = await loadEnabledGrid(call.db, input.gridId);
  requirePatrolGrid(caller, grid);
  const { rules } = await loadPatrolConfig(call.db, grid.streetId);
  const _id = patrolIdFor(grid.streetId, caller.userId, input.requestId);
  const running = await runningPatrolOf(call, caller.userId);
  if (running && running._id !== _id) {
    const overdue = call.now.getTime() >= running.startedAt.getTime() + rules.maxPatrolMinutes * MINUTE_MS;
    if (!overdue) return { patrol: summaryOf(running, call.now, rules), sampling: samplingOf(rules), resumed: true };
    await updatePatrol(call, running._id, (p) => ({ patch: p.state === 'active' ? endPatch(p, call.now, rules, 'timeout') : null, result: null }));
  }
  const doc: PatrolRecord = {
    _id,
    streetId: grid.streetId,
    communityId: grid.communityId,
    gridId: grid._id,
    gridName: grid.name,
    workerId: caller.userId,
    workerName: caller.name,
    state: 'active',
    requestId: input.requestId,
    startedAt: call.now,
    track: [],
    pointCount: 0,
    batchIds: [],
    checkIns: [],
    findings: [],
    pendingSamples: 0,
    trackPurgeAt: purgeAtFor(new Date(call.now.getTime() + rules.maxPatrolMinutes * MINUTE_MS), rules),
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
  const { doc: stored } = await patrolsOf(call.db).insertOnce(doc);
  requireWorker(caller, stored);
  return { patrol: summaryOf(stored, call.now, rules), sampling: samplingOf(rules), resumed: false };
}

/** end: the worker ends their patrol; ending an ended one answers it unchanged. */
export async function end(input: Input<'end'>, call: Invocation) {
  const caller = await requireCaller(call);
  const patrol = await patrolsOf(call.db).require(input.patrolId, '巡查');
  requireWorker(caller, patrol);
  const { rules } = await loadPatrolConfig(call.db, patrol.streetId);
  const ended = await updatePatrol(call, patrol._id, (p) => {
    if (p.state === 'ended') return { patch: null, result: p };
    const patch = endPatch(p, call.now, rules, 'worker');
    return { patch, result: { ...p, ...patch, state: 'ended' as const, version: p.version + 1 } };
  });
  return { patrol: summaryOf(ended, call.now, rules) };
}

/** active: the caller's running patrol and the sampling rules of its street (a visitor: none). */
export async function active(_input: Input<'active'>, call: Invocation) {
  const caller = await findCaller(call);
  const running = caller ? await runningPatrolOf(call, caller.userId) : null;
  if (!running) return { patrol: null, sampling: null };
  const { rules } = await loadPatrolConfig(call.db, running.streetId);
  return { patrol: summaryOf(running, call.now, rules), sampling: samplingOf(rules) };
}
