import type { Role, RoleGrant } from './user';

/**
 * Who may act where (PRODUCT.md §1, §11): every role is scoped to a street, a community or some grids,
 * and every action checks role and scope. Pure predicates over the caller's grants.
 */

export interface GridScope {
  streetId: string;
  communityId: string;
  gridId: string;
}

function holds(grants: readonly RoleGrant[], roles: readonly Role[]): RoleGrant[] {
  return grants.filter((g) => roles.includes(g.role));
}

/** Street administrators configure the whole street: communities, the code scheme, duty people. */
export function canManageStreet(grants: readonly RoleGrant[], streetId: string): boolean {
  return holds(grants, ['admin']).some((g) => g.streetId === streetId);
}

/** Street admins, or staff of this very community (grids, buildings, people, members). */
export function canManageCommunity(grants: readonly RoleGrant[], streetId: string, communityId: string): boolean {
  if (canManageStreet(grants, streetId)) return true;
  return holds(grants, ['community_staff']).some((g) => g.streetId === streetId && g.communityId === communityId);
}

/** Officers and chiefs of the grid keep its descriptive details (households, population, boundary). */
export function canEditGridInfo(grants: readonly RoleGrant[], grid: GridScope): boolean {
  if (canManageCommunity(grants, grid.streetId, grid.communityId)) return true;
  return holds(grants, ['grid_officer', 'grid_chief']).some(
    (g) => g.streetId === grid.streetId && (g.gridIds ?? []).includes(grid.gridId),
  );
}

/** The streets, communities and grids a caller may administer, for listing what they can edit. */
export function managedScopes(grants: readonly RoleGrant[]): { streetIds: string[]; communityIds: string[]; gridIds: string[] } {
  const streetIds = holds(grants, ['admin']).map((g) => g.streetId);
  const communityIds = holds(grants, ['community_staff']).flatMap((g) => (g.communityId ? [g.communityId] : []));
  const gridIds = holds(grants, ['grid_officer', 'grid_chief']).flatMap((g) => g.gridIds ?? []);
  return { streetIds: [...new Set(streetIds)], communityIds: [...new Set(communityIds)], gridIds: [...new Set(gridIds)] };
}
