import { DomainError } from '../errors';
import type { RoleGrant } from '../user';
import { resolveScope } from './scope';
import { monthPeriod, periodSchema, periodInstants } from './period';

const street: RoleGrant = { role: 'street_staff', streetId: 'st-1' };
const community: RoleGrant = { role: 'community_staff', streetId: 'st-1', communityId: 'cm-A' };
const chief: RoleGrant = { role: 'grid_chief', streetId: 'st-1', communityId: 'cm-A', gridIds: ['A1', 'A2'] };
const denied = (grants: RoleGrant[], s?: Parameters<typeof resolveScope>[1]) => {
  try {
    resolveScope(grants, s);
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'allowed';
};

describe('who reads which figures', () => {
  test('street staff open on their street and may narrow to a community or grid within it', () => {
    expect(resolveScope([street]).match).toEqual({ streetId: 'st-1' });
    expect(resolveScope([street], { level: 'grid', id: 'B7' }).match).toEqual({ streetId: 'st-1', gridId: 'B7' });
    expect(denied([street], { level: 'street', id: 'st-2' })).toBe('FORBIDDEN');
  });
  test('community staff see their community and its grids, never the street or another community', () => {
    expect(resolveScope([community]).match).toEqual({ streetId: 'st-1', communityId: 'cm-A' });
    expect(resolveScope([community], { level: 'grid', id: 'A9' }).match).toEqual({ streetId: 'st-1', communityId: 'cm-A', gridId: 'A9' });
    expect(denied([community], { level: 'street', id: 'st-1' })).toBe('FORBIDDEN');
    expect(denied([community], { level: 'community', id: 'cm-B' })).toBe('FORBIDDEN');
  });
  test('a grid chief sees their own grids only', () => {
    expect(resolveScope([chief]).match).toEqual({ streetId: 'st-1', communityId: 'cm-A', gridId: 'A1' });
    expect(resolveScope([chief], { level: 'grid', id: 'A2' }).id).toBe('A2');
    expect(denied([chief], { level: 'grid', id: 'A3' })).toBe('FORBIDDEN');
    expect(denied([chief], { level: 'community', id: 'cm-A' })).toBe('FORBIDDEN');
  });
  test('residents, volunteers and assistants see no statistics', () => {
    expect(denied([{ role: 'resident', streetId: 'st-1' }])).toBe('FORBIDDEN');
    expect(denied([{ role: 'volunteer', streetId: 'st-1', communityId: 'cm-A' }])).toBe('FORBIDDEN');
    expect(denied([{ role: 'assistant', streetId: 'st-1', communityId: 'cm-A', gridIds: ['A1'] }], { level: 'grid', id: 'A1' })).toBe('FORBIDDEN');
  });
});

describe('periods are whole China days', () => {
  test('November is 1–30, December ends on the 31st, February 2028 has 29 days', () => {
    expect(monthPeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthPeriod('2028-02').to).toBe('2028-02-29');
  });
  test('a period starts at China midnight (16:00 UTC the day before)', () => {
    const { start, end } = periodInstants({ from: '2026-12-31', to: '2026-12-31' });
    expect(start.toISOString()).toBe('2026-12-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  test('bad dates are refused naming the field', () => {
    expect(periodSchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).error?.issues[0]).toMatchObject({ path: ['from'] });
    expect(periodSchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).error?.issues[0]).toMatchObject({ path: ['to'], message: '结束日期不能早于开始日期' });
    expect(periodSchema.safeParse({ from: '2020-01-01', to: '2026-03-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2026-13-45', to: '2026-03-01' }).success).toBe(false);
  });
});
