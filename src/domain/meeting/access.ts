import type { RoleGrant } from '../user';
import { INVITABLE_ROLES, MEETING_KIND_INFO, ORGANISER_ROLE, type MeetingKind, type MeetingLevel } from './kinds';

/**
 * Who organises and who sees a meeting (issue 14 item 5): community staff for their community, street
 * staff for the street; an attendee sees only the meetings they are invited to (checked on the stored
 * attendance, not here).
 */
export interface MeetingScope {
  streetId: string;
  /** Set for a community's meeting. */
  communityId?: string;
}

/** The scope a caller organises a meeting of this kind in, or null when they may not. */
export function organiserScope(grants: readonly RoleGrant[], kind: MeetingKind): MeetingScope | null {
  const level: MeetingLevel = MEETING_KIND_INFO[kind].level;
  const grant = grants.find((g) => g.role === ORGANISER_ROLE[level] && (level === 'street' || g.communityId));
  if (!grant) return null;
  return level === 'street' ? { streetId: grant.streetId } : { streetId: grant.streetId, communityId: grant.communityId };
}

/** Manages a stored meeting (sees its code and attendance, decides leave): the street's staff, or the staff of its community. */
export function canManageMeeting(grants: readonly RoleGrant[], m: MeetingScope): boolean {
  return grants.some(
    (g) => g.streetId === m.streetId && (g.role === 'street_staff' || (g.role === 'community_staff' && m.communityId !== undefined && g.communityId === m.communityId)),
  );
}

/** Someone a meeting of this scope may invite: doing grid work inside it (a street meeting: anywhere in the street). */
export function isInvitable(grants: readonly RoleGrant[], m: MeetingScope): boolean {
  return grants.some((g) => INVITABLE_ROLES.includes(g.role) && g.streetId === m.streetId && (m.communityId === undefined || g.communityId === m.communityId));
}

/** The scopes whose meetings a caller manages (the lists of organised meetings). */
export function managedScopes(grants: readonly RoleGrant[]): MeetingScope[] {
  return grants.flatMap((g): MeetingScope[] => {
    if (g.role === 'street_staff') return [{ streetId: g.streetId }];
    if (g.role === 'community_staff' && g.communityId) return [{ streetId: g.streetId, communityId: g.communityId }];
    return [];
  });
}
