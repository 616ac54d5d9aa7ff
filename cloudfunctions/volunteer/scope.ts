import { canManageCommunity, canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import type { RoleGrant } from '../../src/domain/user';
import { authorize, requireCaller, type Caller, type Invocation } from '../_lib';
import type { ActivityActor } from '../../src/domain/volunteer';
import { communitiesOf, signupId, volunteerCollection, type VolunteerRecord } from './records';

/**
 * Who may do what with volunteers (PRODUCT.md §8, §11). Scope always comes from stored records (the
 * activity's, the volunteer's, the entry's community), never from ids in the payload.
 */

/** The caller's street: the first grant's (every demo and real user belongs to one street). */
export function streetOf(caller: Caller): string {
  const grant = caller.roles[0];
  authorize(Boolean(grant));
  return grant!.streetId;
}

/** Street staff oversee every activity and report of the street (PRODUCT.md §8 "the street can see every activity"). */
export function isStreetStaff(roles: readonly RoleGrant[], streetId: string): boolean {
  return canManageStreet(roles, streetId) || roles.some((g) => g.role === 'street_staff' && g.streetId === streetId);
}

/** Community staff of that community, or the street's administrator: organise, award, correct, hand out gifts. */
export function isOrganiser(roles: readonly RoleGrant[], streetId: string, communityId: string): boolean {
  return canManageCommunity(roles, streetId, communityId);
}

/** May read a community's volunteers, ledgers and publications: its organisers and street staff. */
export function canOverseeCommunity(roles: readonly RoleGrant[], streetId: string, communityId: string): boolean {
  return isOrganiser(roles, streetId, communityId) || isStreetStaff(roles, streetId);
}

export function staffCommunityIds(roles: readonly RoleGrant[], streetId: string): string[] {
  return roles.filter((g) => g.role === 'community_staff' && g.streetId === streetId && g.communityId).map((g) => g.communityId!);
}

export async function findVolunteer(call: Invocation, volunteerId: string): Promise<VolunteerRecord | null> {
  return volunteerCollection(call, 'volunteers').load(volunteerId);
}

export async function loadVolunteer(call: Invocation, volunteerId: string): Promise<VolunteerRecord> {
  const v = await findVolunteer(call, volunteerId);
  if (!v) throw new DomainError('NOT_FOUND', '志愿者不存在或尚未填写志愿者资料');
  return v;
}

/** The caller as a volunteer: a registered user with a profile (the profile is where points count). */
export async function requireVolunteer(call: Invocation): Promise<{ caller: Caller; volunteer: VolunteerRecord }> {
  const caller = await requireCaller(call);
  const volunteer = await findVolunteer(call, caller.userId);
  if (!volunteer) throw new DomainError('CONFLICT', '请先填写志愿者资料');
  return { caller, volunteer };
}

/** The volunteer's place for ledger entries. */
export const placeOf = (v: VolunteerRecord) => ({ volunteerId: v._id, communityId: v.communityId, streetId: v.streetId });

/** Community names for views, one read. */
export async function communityNames(call: Invocation, streetId: string): Promise<Map<string, string>> {
  return new Map((await communitiesOf(call).all({ streetId })).map((c) => [c._id, c.name]));
}

/** Volunteer names for views: only the ids asked for (chunked `_.in`). */
export async function volunteerNames(call: Invocation, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await volunteerCollection(call, 'volunteers').loadMany(ids)).map((v) => [v._id, v.name]));
}

/** The caller as the activity rule table sees them: roles, their volunteer community, their own sign-up. */
export async function activityActor(call: Invocation, caller: Caller, activityId: string, known?: VolunteerRecord): Promise<ActivityActor> {
  const [volunteer, signup] = await Promise.all([known ?? findVolunteer(call, caller.userId), volunteerCollection(call, 'signups').load(signupId(activityId, caller.userId))]);
  return {
    userId: caller.userId, roles: caller.roles, volunteerCommunityId: volunteer?.communityId,
    signup: signup ? { signedAt: signup.signedAt, checkedIn: signup.checkedInAt !== undefined } : undefined,
  };
}
