import { inScopes, isEmptyScope, scopesFor, type RegisterAccessKind, type Scopes } from '../../src/domain/register';
import { authorize, type Invocation } from '../_lib';
import { actingInOwnStreet, DENIED, type Acting } from './context';

type Where = Record<string, unknown>;

/**
 * "Inside these scopes and matching `extra`" as one query condition within a street: street-wide, or
 * some communities, or some grids, or communities OR grids (a chief who is also community staff).
 */
export function scopedWhere(call: Invocation, streetId: string, scopes: Scopes, extra: Where = {}): Where {
  if (scopes.streetIds.includes(streetId)) return { streetId, ...extra };
  const _ = call.db.command;
  const parts: Where[] = [];
  if (scopes.communityIds.length) parts.push({ communityId: _.in(scopes.communityIds) });
  if (scopes.gridIds.length) parts.push({ gridId: _.in(scopes.gridIds) });
  if (parts.length === 1) return { streetId, ...parts[0], ...extra };
  return _.and([{ streetId, ...extra }, _.or(parts)]) as unknown as Where;
}

/** Where a register list stands: who acts, what they may reach for this kind of access, and the grid named. */
export interface ScopedListing {
  acting: Acting & { streetId: string };
  scopes: Scopes;
  /** `{ gridId }` when the request named a grid (checked to be inside the scopes), else `{}`. */
  grid: Where;
}

/**
 * The preamble of every register list (households, 交接单, search, export): the caller acting in their own
 * street, their scopes for `kind` — refused with the kind's message when they reach nothing — and a grid
 * the request names, which must exist and lie inside those scopes (the same refusal otherwise).
 */
export async function scopedListing(call: Invocation, kind: RegisterAccessKind, gridId: string | undefined): Promise<ScopedListing> {
  const acting = await actingInOwnStreet(call);
  const scopes = scopesFor(acting.caller.roles, acting.streetId, acting.rules, kind);
  authorize(!isEmptyScope(scopes), DENIED[kind]);
  if (!gridId) return { acting, scopes, grid: {} };
  const grid = await acting.stores.grids.require(gridId, '网格');
  authorize(inScopes(scopes, { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id }), DENIED[kind]);
  return { acting, scopes, grid: { gridId: grid._id } };
}

/**
 * The condition for a care group's list (独居老人, 低保户 …): the group must be enabled in the street's
 * rules and visible to one of the caller's roles; `refusal` says what was refused (查看 or 导出).
 */
export function careGroupWhere(acting: Acting, careGroup: string, refusal: string): Where {
  const group = acting.rules.careGroups.find((g) => g.id === careGroup && g.enabled);
  authorize(Boolean(group && acting.caller.roles.some((r) => group.visibleTo.includes(r.role))), refusal);
  return { careFlags: careGroup };
}
