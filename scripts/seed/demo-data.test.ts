import { communityRecordSchema, gridRecordSchema, personRecordSchema, streetRecordSchema } from '../../src/domain/org/records';
import { checkGridCode } from '../../src/domain/org/grid-code';
import { userRecordSchema } from '../../src/domain/user';
import { buildDemoData } from './demo-data';

const data = buildDemoData(new Date('2026-11-23T08:00:00+08:00'));

describe('demo data', () => {
  it('is one street with the three communities of the source example, A 肥东路 B 当涂路 C 茂林路', () => {
    expect(data.streets).toHaveLength(1);
    expect(data.communities.map((c) => `${c.letter} ${c.name}`)).toEqual(['A 肥东路社区', 'B 当涂路社区', 'C 茂林路社区']);
  });

  it('codes every grid by the letter scheme, A1 A2 … with 2–3 grids a community', () => {
    for (const c of data.communities) {
      const grids = data.grids.filter((g) => g.communityId === c._id);
      expect(grids.length).toBeGreaterThanOrEqual(2);
      expect(grids.length).toBeLessThanOrEqual(3);
      for (const g of grids) expect(checkGridCode('letter', g.code, { letter: c.letter }, g.type)).toEqual({ ok: true });
    }
  });

  it('passes the stored-record schemas', () => {
    data.streets.forEach((r) => streetRecordSchema.parse(r));
    data.communities.forEach((r) => communityRecordSchema.parse(r));
    data.grids.forEach((r) => gridRecordSchema.parse(r));
    data.persons.forEach((r) => personRecordSchema.parse(r));
    data.users.forEach((r) => userRecordSchema.parse(r));
  });

  it('gives each user a unique demo openid and every grid member a person record', () => {
    expect(new Set(data.users.map((u) => u.openid)).size).toBe(data.users.length);
    expect(data.users.find((u) => u.openid === 'demo-officer-a1')?.roles.map((r) => r.role)).toEqual(['grid_officer', 'volunteer']);
    const personIds = new Set(data.persons.map((p) => p._id));
    for (const g of data.grids) for (const m of g.members) expect(personIds.has(m.personId)).toBe(true);
  });

  it('has every role of the product somewhere except the information assistant', () => {
    const roles = new Set(data.users.flatMap((u) => u.roles.map((r) => r.role)));
    expect([...roles].sort()).toEqual(['admin', 'community_staff', 'grid_chief', 'grid_officer', 'resident', 'street_staff', 'volunteer']);
  });
});
