import type { RoleGrant } from '../user';
import { flagsVisibleAt, inScopes, mayAt, scopesFor } from './access';
import { DEFAULT_REGISTER_RULES } from './rules';

const rules = DEFAULT_REGISTER_RULES;
const a1 = { streetId: 's', communityId: 'ca', gridId: 'a1' };
const a2 = { streetId: 's', communityId: 'ca', gridId: 'a2' };
const b1 = { streetId: 's', communityId: 'cb', gridId: 'b1' };
const officerA1: RoleGrant[] = [{ role: 'grid_officer', streetId: 's', communityId: 'ca', gridIds: ['a1'] }];
const chiefA: RoleGrant[] = [{ role: 'grid_chief', streetId: 's', communityId: 'ca', gridIds: ['a1', 'a2'] }];
const staffA: RoleGrant[] = [{ role: 'community_staff', streetId: 's', communityId: 'ca' }];
const street: RoleGrant[] = [{ role: 'street_staff', streetId: 's' }];
const resident: RoleGrant[] = [{ role: 'resident', streetId: 's', communityId: 'ca', gridIds: ['a1'] }];
const volunteer: RoleGrant[] = [{ role: 'volunteer', streetId: 's', communityId: 'ca' }];

describe('who may see the register', () => {
  it('a worker sees their own grids only', () => {
    expect(mayAt(officerA1, a1, rules, 'read')).toBe(true);
    expect(mayAt(officerA1, a2, rules, 'read')).toBe(false);
    expect(mayAt(officerA1, b1, rules, 'read')).toBe(false);
  });

  it('community staff see their community, street staff the street, residents and volunteers nothing', () => {
    expect([mayAt(staffA, a2, rules, 'read'), mayAt(staffA, b1, rules, 'read')]).toEqual([true, false]);
    expect(mayAt(street, b1, rules, 'read')).toBe(true);
    expect(mayAt(resident, a1, rules, 'read')).toBe(false);
    expect(mayAt(volunteer, a1, rules, 'read')).toBe(false);
  });

  it('exports are for community staff and admins, never for workers or chiefs', () => {
    expect(mayAt(officerA1, a1, rules, 'export')).toBe(false);
    expect(mayAt(chiefA, a1, rules, 'export')).toBe(false);
    expect(mayAt(staffA, a1, rules, 'export')).toBe(true);
  });

  it('special groups show by role: 重点关注对象 to the worker and community, not to the chief or the street', () => {
    const flags = ['elderly_alone', 'key_attention', 'low_income'];
    expect(flagsVisibleAt(officerA1, a1, rules, flags)).toEqual(flags);
    expect(flagsVisibleAt(chiefA, a1, rules, flags)).toEqual(['elderly_alone', 'low_income']);
    expect(flagsVisibleAt(street, a1, rules, flags)).toEqual(['elderly_alone']);
    expect(flagsVisibleAt(officerA1, a2, rules, flags)).toEqual([]);
  });

  it('turns grants into query scopes that agree with the predicate', () => {
    const scopes = scopesFor([...officerA1, ...resident], 's', rules, 'read');
    expect(scopes).toEqual({ streetIds: [], communityIds: [], gridIds: ['a1'] });
    expect([inScopes(scopes, a1), inScopes(scopes, a2)]).toEqual([true, false]);
    expect(scopesFor(resident, 's', rules, 'read')).toEqual({ streetIds: [], communityIds: [], gridIds: [] });
  });
});
