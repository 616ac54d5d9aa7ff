import { canManageStreet } from '../../src/domain/access';
import type { Role } from '../../src/domain/user';
import { authorize, type Caller, type Invocation } from '../_lib';
import { listRecords, type RecordOf } from './records';

/**
 * The caller's home street for actions whose payload names no target yet (tree, list, create a
 * community or person): taken from the caller's own grants, never from the payload.
 */
export function streetOfGrants(caller: Caller, roles: readonly Role[]): string {
  const grant = caller.roles.find((g) => roles.includes(g.role));
  authorize(Boolean(grant));
  return grant!.streetId;
}

/** Communities where the caller is community staff, within one street. */
export function staffCommunityIds(caller: Caller, streetId: string): string[] {
  return caller.roles.filter((g) => g.role === 'community_staff' && g.streetId === streetId && g.communityId).map((g) => g.communityId!);
}

/**
 * Who may edit a person (PRODUCT.md §11: a community only its grids): the street admin, or staff of a
 * community where the person serves a grid or is on duty. Serving as someone's AB岗 cover does not count:
 * the cover belongs to their own grid's community.
 */
export async function canManagePerson(call: Invocation, caller: Caller, person: RecordOf<'persons'>): Promise<boolean> {
  if (canManageStreet(caller.roles, person.streetId)) return true;
  const communityIds = staffCommunityIds(caller, person.streetId);
  if (!communityIds.length) return false;
  const served = await personIdsServing(call, person.streetId, communityIds);
  return served.has(person._id);
}

/** Person ids that serve the given communities: grid members and community duty people. */
export async function personIdsServing(call: Invocation, streetId: string, communityIds: string[]): Promise<Set<string>> {
  const _ = call.db.command;
  const [grids, communities] = await Promise.all([
    listRecords(call, 'grids', { streetId, communityId: _.in(communityIds) }),
    listRecords(call, 'communities', { streetId, _id: _.in(communityIds) }),
  ]);
  return new Set([...grids.flatMap((g) => g.members.map((m) => m.personId)), ...communities.flatMap((c) => c.dutyPersonIds)]);
}
