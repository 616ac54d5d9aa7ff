import { localApp } from '../../local-cloud/local-sdk';
import { chinaInstant } from '../../src/domain/calendar/china-time';
import { CASE_STATES } from '../../src/domain/case/case-state';
import { buildDailyRows, countersOf, daysOf, kpisOf, monthsOf, rollUpMonth, statsDayOf, sumCounters, yearPeriod, type StatsCase } from '../../src/domain/stats';
import { budgets, withBudget } from './budgets';
import { callFn, login, measureAction, readDbStats, resetDbStats } from './gateway';
import { insertAll, prng, runStandalone, STREET_ID, STREET_STAFF } from './seed';
import { elapsedMs, median, percentile, printTable } from './table';

/**
 * Issue 16 item 2: a street year of 100 grids and 100 000 cases. The cases are inserted straight through
 * the SDK in array inserts (seed.ts; about a minute), with states, escalations, ratings and rework drawn
 * at random; the year's `stats_daily` rows are built with the same domain function the timer uses
 * (`buildDailyRows`) and inserted, as a caught-up timer would have left them. Then:
 *  - `stats.dashboard` for the street and the year through the gateway as street staff: round trips
 *    (budget 3), documents returned, time — and its totals checked against the cases counted in-process;
 *  - the `statsdaily` timer run the morning after a day (clock pinned): it rebuilds that day's rows for
 *    the street, timed against the function's timeout, and the rebuilt rows must equal the inserted ones.
 */
const GRIDS = 100;
const CASES = 100_000;
const YEAR = 2026;
const CALLS = 10;
const REBUILT_DAY = '2026-07-01';
const CATEGORIES = ['rubbish', 'clutter', 'fire', 'gas', 'dispute', 'facility'];
const KINDS = ['answer', 'sign_for', 'to_community_head', 'emergency_notify', 'supervision'];

const gridId = (n: number) => `bench-grid-${String(n).padStart(3, '0')}`;
const communityOf = (n: number) => `bench-community-${n % 10}`;

function aCase(i: number, random: () => number, days: string[]): StatsCase & Record<string, unknown> {
  const g = Math.floor(random() * GRIDS);
  const day = days[Math.floor(random() * days.length)];
  const createdAt = new Date(chinaInstant(day, '00:00') + Math.floor(random() * 86_399_000));
  const state = CASE_STATES[Math.floor(random() * CASE_STATES.length)];
  // Own prefix: sweep.ts and timer-runs.ts write bench-case-* and bench-timer-case-* into the same cloud.
  const id = `bench-stats-case-${i}`;
  const event = (type: string, extra: Record<string, unknown>, v: number) => ({ _id: `${id}-v${v}`, caseId: id, type, to: state, by: 'system', at: createdAt, photos: [], ...extra });
  const timeline = [event('report', {}, 1)];
  if (random() < 0.2) timeline.push(event('escalate', { deadlineKey: `${KINDS[Math.floor(random() * KINDS.length)]}@${createdAt.getTime()}` }, timeline.length + 1));
  const rating = random() < 0.4 ? (['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'] as const)[Math.floor(random() * 4)] : undefined;
  if (rating) timeline.push(event('rate', { rating }, timeline.length + 1));
  return {
    _id: id, version: timeline.length, state, caseClass: 'routine', streetId: STREET_ID, communityId: communityOf(g), gridId: gridId(g),
    categoryId: CATEGORIES[Math.floor(random() * CATEGORIES.length)], categoryLabel: '分类', reporterId: 'user-resident-1',
    ownerId: `user-officer-${g}`, reworkCount: random() < 0.05 ? 1 : 0, ...(rating ? { rating } : {}),
    ...(random() < 0.03 ? { supervision: { by: STREET_STAFF, dueAt: createdAt, note: '督办' } } : {}),
    stageStartedAt: createdAt, createdAt, updatedAt: createdAt, description: '基准测试事件', photos: [], location: {}, anonymous: false, reporterName: '居民', timeline,
  };
}

export async function statsTables(baseUrl: string): Promise<void> {
  const db = localApp(baseUrl).database();
  const random = prng(20_261_130);
  const days = daysOf(yearPeriod(YEAR));
  const t0 = process.hrtime.bigint();
  const grids = Array.from({ length: GRIDS }, (_, n) => ({ _id: gridId(n), streetId: STREET_ID, communityId: communityOf(n), code: `G${n}`, name: `基准网格${String(n).padStart(3, '0')}` }));
  await insertAll(baseUrl, 'grids', grids);
  const cases = Array.from({ length: CASES }, (_, i) => aCase(i, random, days));
  // Every case is stored: the dashboard must read none of them (that is the point) and the rebuild only
  // its day's, found through the createdAt index among all 100 000.
  const casesMs = await insertAll(baseUrl, 'cases', cases);
  const byDay = new Map<string, StatsCase[]>();
  for (const c of cases) {
    const day = statsDayOf(c);
    const list = byDay.get(day);
    if (list) list.push(c);
    else byDay.set(day, [c]);
  }
  const places = grids.map((g) => ({ streetId: g.streetId, communityId: g.communityId, gridId: g._id, gridName: g.name }));
  const rows = days.flatMap((d) => buildDailyRows(d, places, byDay.get(d) ?? [], new Date()));
  await insertAll(baseUrl, 'stats_daily', rows);
  const monthRows = monthsOf(yearPeriod(YEAR)).flatMap((m) => rollUpMonth(m, rows.filter((r) => r.month === m), new Date()));
  await insertAll(baseUrl, 'stats_monthly', monthRows);
  // The timer is caught up: its change cursor sits past every case, so a run does only the day's rebuild.
  await insertAll(baseUrl, 'stats_state', [{ _id: 'changes', version: 1, changedAfter: new Date(Date.UTC(YEAR + 1, 0, 1)), changedAfterId: '', updatedAt: new Date() }]);
  const seedMs = elapsedMs(t0);
  console.log(`\nstats bench: ${CASES} cases of ${YEAR} over ${GRIDS} grids stored in ${(casesMs / 1000).toFixed(1)} s; with ${rows.length} daily rows and ${monthRows.length} month rows (built by the timer's own buildDailyRows / rollUpMonth) in ${(seedMs / 1000).toFixed(1)} s`);

  // The street's year through the gateway.
  const cookie = await login(baseUrl, STREET_STAFF);
  const input = { scope: { level: 'street', id: STREET_ID }, period: yearPeriod(YEAR) };
  const samples: number[] = [];
  type Board = { totals: { counters: Record<string, number>; kpis: Record<string, number | null> }; byGrid: unknown[]; byMonth: unknown[]; byCategory: unknown[] };
  let board: Board | undefined;
  for (let i = 0; i < CALLS; i++) {
    const start = process.hrtime.bigint();
    board = (await callFn(baseUrl, cookie, 'stats', 'dashboard', input)) as Board;
    samples.push(elapsedMs(start));
  }
  const cost = await measureAction(baseUrl, cookie, 'stats', 'dashboard', input);
  const expected = kpisOf(sumCounters(cases.map(countersOf)));
  const correct = JSON.stringify(board!.totals.kpis) === JSON.stringify(expected) && board!.totals.counters.reported === CASES + 0;
  const b = budgets.stats;
  printTable(
    `Street year dashboard: ${GRIDS} grids, ${CASES} cases, ${rows.length} daily / ${monthRows.length} month rows (stats.dashboard via the gateway as street staff, ${CALLS} calls)`,
    ['round trips', 'docs scanned', 'docs returned', 'median ms', 'p95 ms', 'grids / months / categories', 'totals = cases counted directly', 'admin actions'],
    [[
      withBudget('stats dashboard round trips', cost.roundTrips, b.dashboardRoundTrips, 0),
      cost.documentsScanned,
      cost.documentsReturned,
      withBudget('stats dashboard median', median(samples), b.dashboardMedianMs, 0),
      percentile(samples, 95).toFixed(0),
      `${board!.byGrid.length} / ${board!.byMonth.length} / ${board!.byCategory.length}`,
      correct ? `✓ (立案 ${expected.filed}, 结案率 ${expected.closureRate} %, 满意率 ${expected.satisfactionRate} %)` : `✗ got ${JSON.stringify(board!.totals.kpis)}, expected ${JSON.stringify(expected)}`,
      Object.entries(cost.byAction).map(([k, v]) => `${k}×${v}`).join(' '),
    ]],
  );
  if (!correct) throw new Error('stats.dashboard totals differ from the cases counted directly');

  // The timer the morning after REBUILT_DAY: it rebuilds that day for the street (the demo street's 7 grids too).
  await fetch(`${baseUrl}/internal/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set: `${daysOf({ from: REBUILT_DAY, to: '2026-07-02' })[1]}T00:10:00+08:00`, freeze: true }) });
  const before = new Map(rows.filter((r) => r.day === REBUILT_DAY).map((r) => [r._id, r.counters]));
  await resetDbStats(baseUrl);
  const start = process.hrtime.bigint();
  const run = (await (await fetch(`${baseUrl}/internal/timers/statsdaily/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { ok: boolean; data: { rebuild: { rows: number; cases: number; more: boolean } } };
  const runMs = elapsedMs(start);
  const stats = await readDbStats(baseUrl);
  const { data: after } = await db.collection('stats_daily').where({ day: REBUILT_DAY, gridId: db.command.in([...before.keys()].map((id) => id.slice(0, -REBUILT_DAY.length - 1))) }).limit(1000).get();
  const same = after.length === before.size && (after as Array<{ _id: string; counters: unknown }>).every((r) => JSON.stringify(r.counters) === JSON.stringify(before.get(r._id)));
  printTable(
    `statsdaily: rebuilding ${REBUILT_DAY} for the street (${run.data.rebuild.rows} rows from ${run.data.rebuild.cases} cases) in one timer run`,
    ['ms', 'timeout ms', 'round trips', 'docs scanned', 'more left', 'rows = built from cases'],
    [[withBudget('statsdaily rebuild ms', runMs, b.rebuildDayMs, 0), b.timerTimeoutMs, stats.roundTrips, stats.documentsScanned, String(run.data.rebuild.more), same ? '✓' : '✗']],
  );
  if (!run.ok || !same) throw new Error(`statsdaily rebuild of ${REBUILT_DAY} is wrong: ${JSON.stringify(run)}`);
}

/** `npx tsx scripts/bench/stats.ts`: this table alone (functions must be built), as `npm run bench` runs it. */
if (require.main === module) runStandalone('stats', statsTables);
