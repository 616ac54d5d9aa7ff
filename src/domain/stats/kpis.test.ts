import { buildDailyRows, dailyRowId, rollUpMonth } from './records';
import { countersOf, wasOverdue } from './contribution';
import { sumCounters } from './counters';
import { kpisOf } from './kpis';
import { ragOf, DEFAULT_TARGETS } from './targets';
import { escalated, rated, statsCase } from './test-builders';

/** Nine cases of one grid on one day, each figure worked out by hand in the test names. */
const day = '2026-11-03';
const cases = [
  statsCase({ day, state: 'closed', ownerId: 'u-wang', timeline: [rated('satisfied')] }), // closed on time, 满意
  statsCase({ day, state: 'rated', ownerId: 'u-wang', timeline: [escalated('answer'), rated('basically_satisfied')] }), // closed late
  statsCase({ day, state: 'in_progress', ownerId: 'u-li' }), // pending on time
  statsCase({ day, state: 'escalated_to_community', ownerId: 'u-li', timeline: [escalated('to_community_head')] }), // pending overdue
  statsCase({ day, state: 'returned' }), // not 立案
  statsCase({ day, state: 'resolved', ownerId: 'u-wang' }), // 办结 awaiting 核查: pending
  statsCase({ day, state: 'in_progress', ownerId: 'u-wang', reworkCount: 1, timeline: [rated('dissatisfied')] }), // 返工
  statsCase({ day, state: 'accepted', categoryId: 'fire', ownerId: 'u-li', timeline: [escalated('emergency_notify')], supervision: { by: 'u-s', dueAt: new Date(), note: '限期' } }),
  statsCase({ day, state: 'transferred', categoryId: 'fire', ownerId: 'u-li' }), // 移交: closed on time
];

describe('case KPIs from additive counters (CJ/T 315, GB/T 30428 as issue 16 gives them)', () => {
  const total = sumCounters(cases.map(countersOf));

  test('nine reports: one returned, eight 立案; three 结案 of which two on time; four pending on time; one overdue pending', () => {
    expect(total).toMatchObject({ reported: 9, returned: 1, filed: 8, closed: 3, closedOnTime: 2, pendingOnTime: 4, pendingOverdue: 1 });
  });

  test('超期 counts the late escalations only: the emergency routed at once is not late', () => {
    expect(total.overdue).toBe(2);
    expect(wasOverdue({ timeline: [escalated('emergency_notify')] })).toBe(false);
    expect(wasOverdue({ timeline: [escalated('supervision')] })).toBe(true);
  });

  test('返工 1, 督办 1, three votes of which one 满意', () => {
    expect(total).toMatchObject({ reworked: 1, supervised: 1, votes: 3, satisfiedVotes: 1, basicallySatisfiedVotes: 1, dissatisfiedVotes: 1 });
  });

  test('结案率 3/(8−4) = 75 %, 按期结案率 2/4 = 50 %, 返工率 1/8 = 12.5 %, 满意率 1/3 = 33.3 %', () => {
    expect(kpisOf(total)).toMatchObject({ filed: 8, closureRate: 75, onTimeClosureRate: 50, reworkRate: 12.5, satisfactionRate: 33.3, overdue: 2, supervised: 1 });
  });

  test('a rate with nothing to divide by is no value, not 0 % or 100 %', () => {
    const onlyPending = sumCounters([countersOf(statsCase({ state: 'accepted' }))]);
    expect(kpisOf(onlyPending).closureRate).toBeNull();
    expect(kpisOf(onlyPending).satisfactionRate).toBeNull();
  });

  test('one row for the grid-day, its id `grid-day`, with breakdowns by category and by the officer who signed', () => {
    const [row] = buildDailyRows(day, [{ streetId: 'st-1', communityId: 'cm-A', gridId: 'A1', gridName: 'A1网格' }], cases, new Date());
    expect(row._id).toBe(dailyRowId('A1', day));
    expect(row._id).toBe('A1-2026-11-03');
    expect(row.month).toBe('2026-11');
    expect(row.counters).toEqual(total);
    expect(row.byCategory.map((c) => [c.categoryId, c.counters.filed])).toEqual([['fire', 2], ['rubbish', 6]]);
    expect(row.byOwner.map((o) => [o.ownerId, o.counters.closed])).toEqual([['u-li', 1], ['u-wang', 2]]);
  });

  test('a listed grid with no cases still gets a zero row, so a rebuild overwrites old numbers', () => {
    const rows = buildDailyRows(day, [{ streetId: 'st-1', communityId: 'cm-A', gridId: 'A2' }], [], new Date());
    expect(rows).toHaveLength(1);
    expect(rows[0].counters.reported).toBe(0);
  });

  test('a case reported at 23:59 China time on 30 November counts in November; at 00:00 on 1 December in December', () => {
    const late = statsCase({ day: '2026-11-30', at: '23:59' });
    const early = statsCase({ day: '2026-12-01', at: '00:00' });
    expect(buildDailyRows('2026-11-30', [], [late], new Date())[0].month).toBe('2026-11');
    expect(buildDailyRows('2026-12-01', [], [early], new Date())[0].month).toBe('2026-12');
    expect(() => buildDailyRows('2026-11-30', [], [early], new Date())).toThrow(RangeError);
  });
});

describe('red / amber / green against the street targets', () => {
  test('按期 ≥ 95 % green, 90–95 % amber (one 5 % step of 002 L37), below red', () => {
    expect(ragOf(95, DEFAULT_TARGETS.onTimeClosureRate)).toBe('green');
    expect(ragOf(90, DEFAULT_TARGETS.onTimeClosureRate)).toBe('amber');
    expect(ragOf(89.9, DEFAULT_TARGETS.onTimeClosureRate)).toBe('red');
  });
  test('满意率 ≥ 90 % green; 返工率 is better low: 5 % green, 8 % amber, 12.5 % red; no value: none', () => {
    expect(ragOf(90, DEFAULT_TARGETS.satisfactionRate)).toBe('green');
    expect(ragOf(5, DEFAULT_TARGETS.reworkRate)).toBe('green');
    expect(ragOf(8, DEFAULT_TARGETS.reworkRate)).toBe('amber');
    expect(ragOf(12.5, DEFAULT_TARGETS.reworkRate)).toBe('red');
    expect(ragOf(null, DEFAULT_TARGETS.reworkRate)).toBe('none');
  });
});

describe('month rows', () => {
  test('a month row is the sum of its days, by category and worker too', () => {
    const a = buildDailyRows('2026-11-03', [], [statsCase({ day: '2026-11-03', state: 'closed', ownerId: 'u-1' })], new Date());
    const b = buildDailyRows('2026-11-30', [], [statsCase({ day: '2026-11-30', state: 'returned' }), statsCase({ day: '2026-11-30', state: 'accepted', categoryId: 'fire', ownerId: 'u-1' })], new Date());
    const [month] = rollUpMonth('2026-11', [...a, ...b], new Date());
    expect(month._id).toBe('A1-2026-11');
    expect(month.counters).toMatchObject({ reported: 3, filed: 2, closed: 1, returned: 1, pendingOnTime: 1 });
    expect(month.byOwner).toEqual([{ ownerId: 'u-1', counters: expect.objectContaining({ filed: 2 }) }]);
    expect(month.byCategory.map((c) => [c.categoryId, c.counters.reported])).toEqual([['fire', 1], ['rubbish', 2]]);
    expect(() => rollUpMonth('2026-12', a, new Date())).toThrow(RangeError);
  });
});
