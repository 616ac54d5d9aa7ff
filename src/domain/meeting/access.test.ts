import type { RoleGrant } from '../user';
import { canManageMeeting, isInvitable, organiserScope } from './access';

const S = 'street-1';
const staffA: RoleGrant = { role: 'community_staff', streetId: S, communityId: 'ca' };
const street: RoleGrant = { role: 'street_staff', streetId: S };
const officerA: RoleGrant = { role: 'grid_officer', streetId: S, communityId: 'ca', gridIds: ['g1'] };
const officerB: RoleGrant = { role: 'grid_officer', streetId: S, communityId: 'cb', gridIds: ['g9'] };

describe('who organises and manages meetings', () => {
  it('community staff call their community\'s meetings, the street its first-Monday meeting (002 L27)', () => {
    expect(organiserScope([staffA], 'community_dispatch')).toEqual({ streetId: S, communityId: 'ca' });
    expect(organiserScope([staffA], 'street_dispatch')).toBeNull();
    expect(organiserScope([street], 'street_dispatch')).toEqual({ streetId: S });
    expect(organiserScope([street], 'opinion_analysis')).toBeNull();
    expect(organiserScope([officerA], 'opinion_analysis')).toBeNull();
  });
  it('a community meeting is managed by that community\'s staff and the street, not by another community', () => {
    const m = { streetId: S, communityId: 'ca' };
    expect(canManageMeeting([staffA], m)).toBe(true);
    expect(canManageMeeting([street], m)).toBe(true);
    expect(canManageMeeting([{ ...staffA, communityId: 'cb' }], m)).toBe(false);
    expect(canManageMeeting([staffA], { streetId: S })).toBe(false);
    expect(canManageMeeting([{ ...street, streetId: 'other' }], m)).toBe(false);
  });
  it('invites grid workers of the scope only: never residents, never another community', () => {
    expect(isInvitable([officerA], { streetId: S, communityId: 'ca' })).toBe(true);
    expect(isInvitable([officerB], { streetId: S, communityId: 'ca' })).toBe(false);
    expect(isInvitable([officerB], { streetId: S })).toBe(true);
    expect(isInvitable([{ role: 'resident', streetId: S, communityId: 'ca' }], { streetId: S, communityId: 'ca' })).toBe(false);
  });
});
