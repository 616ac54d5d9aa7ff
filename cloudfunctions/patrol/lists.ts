import type { z } from 'zod';
import type { patrolApi } from '../../src/domain/patrol/api';
import { requireCaller, type getApp, type Invocation } from '../_lib';
import { requireCanSee, requireSupervisor } from './scope';
import { configCache, loadEnabledGrid, loadPatrolConfig, patrolsOf } from './store';
import { detailOf, photoUrlsOf, summaryOf } from './views';

type Input<A extends keyof typeof patrolApi> = z.infer<(typeof patrolApi)[A]['input']>;
type App = ReturnType<typeof getApp>;

const NEWEST_FIRST = ['startedAt', 'desc'] as [string, 'desc'];

/** mine: the caller's own patrols, newest first, with a cursor. */
export async function mine(input: Input<'mine'>, call: Invocation) {
  const caller = await requireCaller(call);
  const page = await patrolsOf(call.db).page({ workerId: caller.userId }, { orderBy: NEWEST_FIRST, after: input.after, limit: input.limit ?? 20 });
  const config = configCache(call.db);
  const patrols = await Promise.all(page.items.map(async (p) => summaryOf(p, call.now, (await config(p.streetId)).rules)));
  return { patrols, next: page.next };
}

/** get: one patrol with its track, for the worker and their supervisors only. */
export async function get(input: Input<'get'>, call: Invocation, app: App) {
  const caller = await requireCaller(call);
  const patrol = await patrolsOf(call.db).require(input.patrolId, '巡查');
  requireCanSee(caller, patrol);
  const [{ rules }, urls] = await Promise.all([loadPatrolConfig(call.db, patrol.streetId), photoUrlsOf(app, patrol.findings)]);
  return detailOf(patrol, call.now, rules, urls);
}

/** list: a supervisor's view of one grid's patrols, newest first. */
export async function list(input: Input<'list'>, call: Invocation) {
  const caller = await requireCaller(call);
  const grid = await loadEnabledGrid(call.db, input.gridId);
  requireSupervisor(caller, grid);
  const [{ rules }, page] = await Promise.all([
    loadPatrolConfig(call.db, grid.streetId),
    patrolsOf(call.db).page({ gridId: grid._id }, { orderBy: NEWEST_FIRST, after: input.after, limit: input.limit ?? 20 }),
  ]);
  return { patrols: page.items.map((p) => summaryOf(p, call.now, rules)), next: page.next };
}
