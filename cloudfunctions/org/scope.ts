import { canManageCommunity, canManageStreet } from '../../src/domain/access';
import type { Role } from '../../src/domain/user';
import { authorize, type Caller, type Invocation } from '../_lib';
import { listRecords, loadRecord, type RecordOf } from './records';

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
 * Where a person serves, which decides who owns their record (issue 10 item 1): the communities of
 * the grids they are a member of, the communities they are on duty for, and whether they are on duty
 * for the whole street. Serving as someone's AB岗 cover does not count: the cover belongs to their own
 * grid's community.
 */
export interface PersonPlaces {
  communityIds: Set<string>;
  streetDuty: boolean;
}

export async function placesOf(call: Invocation, person: RecordOf<'persons'>): Promise<PersonPlaces> {
  const [grids, communities, street] = await Promise.all([
    listRecords(call, 'grids', { streetId: person.streetId, 'members.personId': person._id }),
    listRecords(call, 'communities', { streetId: person.streetId, dutyPersonIds: person._id }),
    loadRecord(call, 'streets', person.streetId),
  ]);
  return {
    communityIds: new Set([...grids.map((g) => g.communityId), ...communities.map((c) => c._id)]),
    streetDuty: street.dutyPersonIds.includes(person._id),
  };
}

/**
 * Who owns a person's record (phone, photo, duties): the street admin; otherwise staff of EVERY
 * community the person serves — one community's staff cannot rewrite a number another community's
 * board shows (the cross-community takeover of issue 10). Street duty people belong to the street
 * admin alone. A person who serves nowhere yet (just created) is open to the street's community staff.
 */
export function ownsPerson(caller: Caller, person: RecordOf<'persons'>, places: PersonPlaces): boolean {
  if (canManageStreet(caller.roles, person.streetId)) return true;
  if (places.streetDuty) return false;
  if (places.communityIds.size === 0) return staffCommunityIds(caller, person.streetId).length > 0;
  return [...places.communityIds].every((communityId) => canManageCommunity(caller.roles, person.streetId, communityId));
}

/** Edit rights on one person: loads where they serve, then `ownsPerson`. */
export async function canManagePerson(call: Invocation, caller: Caller, person: RecordOf<'persons'>): Promise<boolean> {
  if (canManageStreet(caller.roles, person.streetId)) return true;
  return ownsPerson(caller, person, await placesOf(call, person));
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
