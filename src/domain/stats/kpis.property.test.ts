import fc from 'fast-check';
import { CASE_STATES } from '../case/case-state';
import { buildDailyRows } from './records';
import { sumCounters, COUNTER_KEYS } from './counters';
import { kpisOf } from './kpis';
import { daysOf, type Period } from './period';
import { statsDayOf, type StatsCase } from './contribution';
import { statsCase } from './test-builders';

/**
 * Summing daily rows over any period equals computing over the period's cases directly — with the direct
 * side written plainly from the definitions (filters over the case list), not through `countersOf`.
 */
const DAYS = daysOf({ from: '2026-11-25', to: '2027-01-05' }); // month end, 31 December and New Year
const KINDS = ['answer', 'sign_for', 'emergency_notify', 'supervision', 'dispatch'];
const arbCase = fc
  .record({
    state: fc.constantFrom(...CASE_STATES),
    day: fc.constantFrom(...DAYS),
    at: fc.constantFrom('00:00', '08:30', '23:59'),
    gridId: fc.constantFrom('A1', 'A2', 'B1'),
    categoryId: fc.constantFrom('rubbish', 'fire'),
    reworkCount: fc.constantFrom(0, 1),
    supervised: fc.boolean(),
    escalations: fc.array(fc.constantFrom(...KINDS), { maxLength: 2 }),
    ratings: fc.array(fc.constantFrom('satisfied' as const, 'basically_satisfied' as const, 'dissatisfied' as const), { maxLength: 2 }),
  })
  .map(({ day, at, supervised, escalations, ratings, ...r }) =>
    statsCase({
      day,
      at,
      ...r,
      communityId: r.gridId.startsWith('A') ? 'cm-A' : 'cm-B',
      ...(supervised ? { supervision: { by: 'u-s', dueAt: new Date(0), note: '督办' } } : {}),
      timeline: [...escalations.map((k) => ({ type: 'escalate', deadlineKey: `${k}@1` })), ...ratings.map((rating) => ({ type: 'rate', rating }))],
    }),
  );
const arbPeriod = fc
  .tuple(fc.integer({ min: 0, max: DAYS.length - 1 }), fc.integer({ min: 0, max: DAYS.length - 1 }))
  .map(([a, b]): Period => ({ from: DAYS[Math.min(a, b)], to: DAYS[Math.max(a, b)] }));

const CLOSED = ['verified', 'rated', 'closed', 'transferred'];
const late = (c: StatsCase) => (c.timeline ?? []).some((e) => e.type === 'escalate' && !e.deadlineKey?.startsWith('emergency_notify@'));
function direct(cases: StatsCase[]) {
  const filed = cases.filter((c) => c.state !== 'returned');
  const closed = filed.filter((c) => CLOSED.includes(c.state));
  const pendingOnTime = filed.filter((c) => !CLOSED.includes(c.state) && !late(c));
  const votes = cases.flatMap((c) => (c.timeline ?? []).filter((e) => e.type === 'rate'));
  const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);
  return {
    filed: filed.length,
    closureRate: pct(closed.length, filed.length - pendingOnTime.length),
    onTimeClosureRate: pct(closed.filter((c) => !late(c)).length, filed.length - pendingOnTime.length),
    reworkRate: pct(filed.filter((c) => c.reworkCount > 0).length, filed.length),
    satisfactionRate: pct(votes.filter((v) => v.rating === 'satisfied').length, votes.length),
    overdue: cases.filter(late).length,
    supervised: cases.filter((c) => c.supervision).length,
  };
}

function rowsOfAllDays(cases: StatsCase[]) {
  const byDay = new Map<string, StatsCase[]>();
  for (const c of cases) byDay.set(statsDayOf(c), [...(byDay.get(statsDayOf(c)) ?? []), c]);
  return [...byDay].flatMap(([day, list]) => buildDailyRows(day, [], list, new Date(0)));
}

test('summing the daily rows of any period gives the KPIs computed over its cases directly', () => {
  fc.assert(
    fc.property(fc.array(arbCase, { maxLength: 60 }), arbPeriod, (cases, period) => {
      const days = new Set(daysOf(period));
      const rows = rowsOfAllDays(cases).filter((r) => days.has(r.day));
      const fromRows = kpisOf(sumCounters(rows.map((r) => r.counters)));
      const inPeriod = cases.filter((c) => days.has(statsDayOf(c)));
      expect(fromRows).toMatchObject(direct(inPeriod));
    }),
    { numRuns: 200 },
  );
});

test('a period split anywhere sums to the whole, and per-grid and per-category breakdowns sum to the row', () => {
  fc.assert(
    fc.property(fc.array(arbCase, { maxLength: 40 }), (cases) => {
      const rows = rowsOfAllDays(cases);
      const whole = sumCounters(rows.map((r) => r.counters));
      const nov = sumCounters(rows.filter((r) => r.month === '2026-11').map((r) => r.counters));
      const rest = sumCounters(rows.filter((r) => r.month !== '2026-11').map((r) => r.counters));
      for (const k of COUNTER_KEYS) expect(nov[k] + rest[k]).toBe(whole[k]);
      for (const r of rows) {
        expect(sumCounters(r.byCategory.map((c) => c.counters))).toEqual(r.counters);
      }
      expect(whole.reported).toBe(cases.length);
    }),
    { numRuns: 100 },
  );
});
