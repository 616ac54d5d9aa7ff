import { grantCovers } from '../case/case-actor';
import type { Role, RoleGrant } from '../user';

/**
 * Who patrols and who sees a patrol (issue 14 item 1). A track says where a person walked: it is shown
 * to that worker and to the people who supervise their grid, never to residents, volunteers or other
 * workers — not even the officer of the neighbouring grid.
 */
export interface GridPlace {
  streetId: string;
  communityId: string;
  gridId: string;
}

/**
 * Who may patrol a grid: its officers, chiefs and assistants (grant names the grid), community staff of
 * its community and street staff (the 挂点 staff patrol the grids they are attached to weekly, 002 L36, L54).
 */
export const PATROLLING_ROLES: readonly Role[] = ['grid_officer', 'grid_chief', 'assistant', 'community_staff', 'street_staff'];

/** Who supervises the patrols of a grid: the grid chief (001 L725), the community, the street. */
export const SUPERVISING_ROLES: readonly Role[] = ['grid_chief', 'community_staff', 'street_staff', 'admin'];

/** Grid roles reach only the grids their grant names; a grant without grids reaches none. */
const GRID_ROLES: readonly Role[] = ['grid_officer', 'grid_chief', 'assistant'];

const holdsOver = (grants: readonly RoleGrant[], roles: readonly Role[], place: GridPlace) =>
  grants.some((g) => roles.includes(g.role) && grantCovers(g, place) && (!GRID_ROLES.includes(g.role) || g.gridIds !== undefined));

export const canPatrolGrid = (grants: readonly RoleGrant[], place: GridPlace): boolean => holdsOver(grants, PATROLLING_ROLES, place);

export const canSuperviseGrid = (grants: readonly RoleGrant[], place: GridPlace): boolean => holdsOver(grants, SUPERVISING_ROLES, place);

/** The worker themself, or a supervisor of the patrol's grid. */
export const canSeePatrol = (caller: { userId: string; roles: readonly RoleGrant[] }, patrol: GridPlace & { workerId: string }): boolean =>
  patrol.workerId === caller.userId || canSuperviseGrid(caller.roles, patrol);

/** Any role that works in the grid system: may open the 八必报 sheet. */
export const isWorker = (grants: readonly RoleGrant[]): boolean => grants.some((g) => PATROLLING_ROLES.includes(g.role) || g.role === 'admin');
