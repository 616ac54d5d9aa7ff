import { canEditGridInfo, canManageCommunity, canManageStreet, managedScopes } from './access';
import type { RoleGrant } from './user';

const S = 'street-demo';
const A1 = { streetId: S, communityId: 'community-a', gridId: 'grid-a1' };
const A2 = { streetId: S, communityId: 'community-a', gridId: 'grid-a2' };
const B1 = { streetId: S, communityId: 'community-b', gridId: 'grid-b1' };

const admin: RoleGrant[] = [{ role: 'admin', streetId: S }];
const staffA: RoleGrant[] = [{ role: 'community_staff', streetId: S, communityId: 'community-a' }];
const officerA1: RoleGrant[] = [{ role: 'grid_officer', streetId: S, communityId: 'community-a', gridIds: ['grid-a1'] }];
const resident: RoleGrant[] = [{ role: 'resident', streetId: S }];
const otherStreetAdmin: RoleGrant[] = [{ role: 'admin', streetId: 'street-other' }];

describe('who may administer what', () => {
  it('a street administrator manages every community and grid of their street only', () => {
    expect(canManageStreet(admin, S)).toBe(true);
    expect(canManageCommunity(admin, S, 'community-b')).toBe(true);
    expect(canManageStreet(otherStreetAdmin, S)).toBe(false);
    expect(canEditGridInfo(otherStreetAdmin, A1)).toBe(false);
  });

  it('community A staff manage A’s grids but not community B’s, nor the street', () => {
    expect(canManageCommunity(staffA, S, 'community-a')).toBe(true);
    expect(canManageCommunity(staffA, S, 'community-b')).toBe(false);
    expect(canEditGridInfo(staffA, B1)).toBe(false);
    expect(canManageStreet(staffA, S)).toBe(false);
  });

  it('the officer of A1 edits A1’s details but not A2’s, and manages no community', () => {
    expect(canEditGridInfo(officerA1, A1)).toBe(true);
    expect(canEditGridInfo(officerA1, A2)).toBe(false);
    expect(canManageCommunity(officerA1, S, 'community-a')).toBe(false);
  });

  it('a resident administers nothing', () => {
    expect(canManageStreet(resident, S)).toBe(false);
    expect(canManageCommunity(resident, S, 'community-a')).toBe(false);
    expect(canEditGridInfo(resident, A1)).toBe(false);
    expect(managedScopes(resident)).toEqual({ streetIds: [], communityIds: [], gridIds: [] });
  });

  it('lists the scopes a person with several roles manages (一岗双责)', () => {
    expect(managedScopes([...staffA, ...officerA1])).toEqual({ streetIds: [], communityIds: ['community-a'], gridIds: ['grid-a1'] });
  });
});
