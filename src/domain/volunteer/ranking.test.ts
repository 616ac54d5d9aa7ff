import { correctionFor } from './ledger';
import { monthlyPublication, quarterlySummary } from './ranking';
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
