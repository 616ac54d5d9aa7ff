import { correctionFor } from './ledger';
import { monthlyPublication, quarterlySummary, topRanked, yearlyRanking } from './ranking';
import { ALICE, BOB, CAROL, china, createAward, createRedemption } from './test-builders';

describe('monthly publication per community (001 L885 一月一公示)', () => {
  it('shows each volunteer’s points recorded that China-time month, highest first', () => {
    const entries = [
      createAward({ ...ALICE, points: 2, at: china('2025-03-01', '00:10') }), // still February in UTC
      createAward({ ...BOB, points: 3, at: china('2025-03-15') }),
      createAward({ ...ALICE, points: 2, at: china('2025-02-28', '23:50') }),
      createAward({ ...CAROL, points: 9, at: china('2025-03-15') }),
    ];
    expect(monthlyPublication(entries, 'cm-A', { year: 2025, month: 3 })).toEqual([
      { volunteerId: 'v-bob', communityId: 'cm-A', points: 3 },
      { volunteerId: 'v-alice', communityId: 'cm-A', points: 2 },
    ]);
  });

  it('a correction appears in the month it was made, so last month’s list never changes', () => {
    const award = createAward({ points: 2, at: china('2025-03-10') });
    const entries = [award, correctionFor(award, '重复登记', 'u-admin', china('2025-04-02'))];
    expect(monthlyPublication(entries, 'cm-A', { year: 2025, month: 3 })).toEqual([{ volunteerId: 'v-alice', communityId: 'cm-A', points: 2 }]);
    expect(monthlyPublication(entries, 'cm-A', { year: 2025, month: 4 })).toEqual([{ volunteerId: 'v-alice', communityId: 'cm-A', points: -2 }]);
  });

  it('gift redemptions are not published as lost points', () => {
    const entries = [createAward({ points: 5, at: china('2025-06-01') }), createRedemption(3, { at: china('2025-06-02') })];
    expect(monthlyPublication(entries, 'cm-A', { year: 2025, month: 6 })[0].points).toBe(5);
  });
});

describe('quarterly summary per street (001 L885 一季一汇总)', () => {
  it('totals each community over the quarter’s three months', () => {
    const entries = [
      createAward({ ...ALICE, points: 2, at: china('2025-01-05') }),
      createAward({ ...BOB, points: 3, at: china('2025-03-31', '23:59') }),
      createAward({ ...CAROL, points: 5, at: china('2025-02-01') }),
      createAward({ ...ALICE, points: 7, at: china('2025-04-01', '00:00') }),
    ];
    const summary = quarterlySummary(entries, 'st-1', 2025, 1);
    expect(summary.communities.map((c) => [c.communityId, c.points, c.volunteers.length])).toEqual([
      ['cm-A', 5, 2],
      ['cm-B', 5, 1],
    ]);
  });
});

describe('yearly ranking (001 L889 按年评选)', () => {
  const entries = [
    createAward({ ...ALICE, points: 5 }),
    createAward({ ...BOB, points: 5 }),
    createAward({ ...CAROL, points: 3 }),
    createAward({ volunteerId: 'v-dan', communityId: 'cm-B', streetId: 'st-1', points: 9, at: china('2024-06-01') }),
    createAward({ volunteerId: 'v-eve', communityId: 'cm-X', streetId: 'st-2', points: 99 }),
  ];

  it('ties share a rank and the next rank is skipped (standard competition ranking)', () => {
    expect(yearlyRanking(entries, 'st-1', 2025)).toEqual([
      { rank: 1, volunteerId: 'v-alice', points: 5 },
      { rank: 1, volunteerId: 'v-bob', points: 5 },
      { rank: 3, volunteerId: 'v-carol', points: 3 },
    ]);
  });

  it('ranks the same whatever order the entries come in', () => {
    expect(yearlyRanking([...entries].reverse(), 'st-1', 2025)).toEqual(yearlyRanking(entries, 'st-1', 2025));
  });

  it('a corrected award no longer counts for its year', () => {
    const award = createAward({ ...CAROL, points: 3, at: china('2025-12-30') });
    const ranking = yearlyRanking([award, correctionFor(award, '虚报', 'u-admin', china('2026-01-04'))], 'st-1', 2025);
    expect(ranking).toEqual([]);
  });

  it('the top 50 keeps everyone tied at the cut-off', () => {
    const many = Array.from({ length: 52 }, (_, i) =>
      createAward({ volunteerId: `v-${String(i).padStart(2, '0')}`, points: i < 49 ? 100 - i : 10 }),
    );
    const top = topRanked(yearlyRanking(many, 'st-1', 2025));
    expect(top).toHaveLength(52);
    expect(top.at(-1)).toMatchObject({ rank: 50, points: 10 });
    expect(topRanked(yearlyRanking(many, 'st-1', 2025), 3)).toHaveLength(3);
  });
});
