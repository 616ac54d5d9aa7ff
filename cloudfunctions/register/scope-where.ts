import type { Scopes } from '../../src/domain/register';
import type { Invocation } from '../_lib';

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
