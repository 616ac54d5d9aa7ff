import type { Role, RoleGrant } from '../user';
import { visibleFlags } from './care-groups';
import type { RegisterAccessKind, RegisterRules } from './rules';

/**
 * Who may do what in the register, as pure predicates over the caller's grants and the street's rules.
 * A role counts only where its grant reaches: a grid officer at the grids of their grant, community
 * staff in their community, street staff and admins in their street.
 */
export interface Place {
  streetId: string;
  communityId: string;
  gridId: string;
}

type Reach = 'grids' | 'community' | 'street';
const REACH: Record<Role, Reach> = {
  resident: 'grids',
  grid_officer: 'grids',
  grid_chief: 'grids',
  assistant: 'grids',
  volunteer: 'community',
  community_staff: 'community',
  street_staff: 'street',
  admin: 'street',
};

function reaches(grant: RoleGrant, place: Place): boolean {
  if (grant.streetId !== place.streetId) return false;
  const reach = REACH[grant.role];
  if (reach === 'street') return true;
  if (reach === 'community') return grant.communityId === place.communityId;
  return (grant.gridIds ?? []).includes(place.gridId);
}

/** The caller's roles that reach this place. */
export function rolesAt(grants: readonly RoleGrant[], place: Place): Role[] {
  return [...new Set(grants.filter((g) => reaches(g, place)).map((g) => g.role))];
}

export function mayAt(grants: readonly RoleGrant[], place: Place, rules: RegisterRules, kind: RegisterAccessKind): boolean {
  const allowed = rules.access[kind].roles;
  return rolesAt(grants, place).some((r) => allowed.includes(r));
}

/** The care flags of a person this caller may see at this place. */
export function flagsVisibleAt(grants: readonly RoleGrant[], place: Place, rules: RegisterRules, flags: readonly string[]): string[] {
  if (!mayAt(grants, place, rules, 'read')) return [];
  return visibleFlags(flags, rules.careGroups, rolesAt(grants, place));
}

/** Where the caller may act with `kind`, as query scopes: a street, communities of it, grids of it. */
export interface Scopes {
  streetIds: string[];
  communityIds: string[];
  gridIds: string[];
}

export function scopesFor(grants: readonly RoleGrant[], streetId: string, rules: RegisterRules, kind: RegisterAccessKind): Scopes {
  const allowed = grants.filter((g) => g.streetId === streetId && rules.access[kind].roles.includes(g.role));
  const streetIds = allowed.filter((g) => REACH[g.role] === 'street').map((g) => g.streetId);
  const communityIds = allowed.filter((g) => REACH[g.role] === 'community' && g.communityId).map((g) => g.communityId!);
  const gridIds = allowed.filter((g) => REACH[g.role] === 'grids').flatMap((g) => g.gridIds ?? []);
  return { streetIds: [...new Set(streetIds)], communityIds: [...new Set(communityIds)], gridIds: [...new Set(gridIds)] };
}

export const isEmptyScope = (s: Scopes): boolean => !s.streetIds.length && !s.communityIds.length && !s.gridIds.length;

/** Whether a place lies inside scopes (the same answer as `mayAt` for the kind the scopes were made for). */
export function inScopes(s: Scopes, place: Place): boolean {
  return s.streetIds.includes(place.streetId) || s.communityIds.includes(place.communityId) || s.gridIds.includes(place.gridId);
}
