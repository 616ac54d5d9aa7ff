import { canSuperviseGrid } from '../patrol/access';
import type { RoleGrant } from '../user';

/**
 * Who sees a worker's logs, visits and compliance (issue 14 items 4, 6): the worker, and whoever
 * supervises one of the worker's grids — its grid chief, the community's staff, the street.
 */
export const WORKER_ROLES = ['grid_officer', 'grid_chief'] as const;

export function workerPlaces(grants: readonly RoleGrant[]): Array<{ streetId: string; communityId: string; gridId: string }> {
  return grants
    .filter((g) => (WORKER_ROLES as readonly string[]).includes(g.role) && g.communityId)
    .flatMap((g) => (g.gridIds ?? []).map((gridId) => ({ streetId: g.streetId, communityId: g.communityId!, gridId })));
}

export function canSeeWorker(caller: { userId: string; roles: readonly RoleGrant[] }, worker: { userId: string; roles: readonly RoleGrant[] }): boolean {
  if (caller.userId === worker.userId) return true;
  return workerPlaces(worker.roles).some((place) => canSuperviseGrid(caller.roles, place));
}
