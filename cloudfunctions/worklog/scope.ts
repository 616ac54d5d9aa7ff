import { DomainError } from '../../src/domain/errors';
import { gridRecordSchema, type GridRecord } from '../../src/domain/org/records';
import type { RoleGrant } from '../../src/domain/user';
import { authorize, collectionOf, requireCaller, type Caller, type Invocation } from '../_lib';

/**
 * Who the worklog is about (issue 14): grid officers and chiefs record their own visits, logs and
 * patrols in the grids they are granted; scope always comes from the caller's stored grants and the
 * stored grid, never from ids in the payload alone.
 */
const WORKER_ROLES = ['grid_officer', 'grid_chief'] as const;

export const workerGrants = (roles: readonly RoleGrant[]) => roles.filter((g) => (WORKER_ROLES as readonly string[]).includes(g.role));

/** The grids a caller works in as officer or chief. */
export const workerGridIds = (roles: readonly RoleGrant[]) => [...new Set(workerGrants(roles).flatMap((g) => g.gridIds ?? []))];

export const gridsOf = (call: Invocation) => collectionOf(call.db, 'grids', gridRecordSchema);

/** The caller as a grid worker: FORBIDDEN for anyone holding no worker grant with a grid. */
export async function requireWorker(call: Invocation): Promise<{ caller: Caller; gridIds: string[]; streetId: string }> {
  const caller = await requireCaller(call);
  const gridIds = workerGridIds(caller.roles);
  authorize(gridIds.length > 0, '只有网格员和网格长可以使用工作台的走访与日志');
  return { caller, gridIds, streetId: workerGrants(caller.roles)[0]!.streetId };
}

/** One of the caller's own grids, as stored; another grid is FORBIDDEN whether or not it exists. */
export async function requireOwnGrid(call: Invocation, gridIds: readonly string[], gridId: string): Promise<GridRecord> {
  authorize(gridIds.includes(gridId), '只能在自己负责的网格内记录');
  const grid = await gridsOf(call).load(gridId);
  if (!grid || !grid.enabled) throw new DomainError('NOT_FOUND', '网格不存在或已停用', { gridId: '网格不存在或已停用' });
  return grid;
}
