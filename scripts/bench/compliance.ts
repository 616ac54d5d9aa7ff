import { chinaInstant, chinaWall } from '../../src/domain/calendar/china-time';
import { budgets, withBudget } from './budgets';
import { callFn, login, readDbStats, resetDbStats } from './gateway';
import { insertAll, runStandalone, STREET_ID, STREET_STAFF } from './seed';
import { elapsedMs, median, printTable } from './table';

/**
 * Issue 14 item 8: `worklog.compliance` for 100 workers × 4 weeks as street staff. The bench writes what
 * four weeks of work leave behind, straight through the SDK: per worker and working day one ended patrol
 * (with a 120-point track, so the figure shows the tracks are not read), two visits a week, a log on most
 * days and a case now and then. Then it calls the view through the gateway and reports round trips,
 * documents returned and time; it fails (exit 2) when the rows are not the 100 workers or a worker's visit
 * count differs from what was inserted.
 */
const WORKERS = 100;
const WEEKS = 4;
const CALLS = 5;
/** The last week's Monday: four finished weeks before the clock's "now" (the bench pins no clock, so the weeks are of 2026 data). */
const LAST_WEEK = '2026-11-23';

const workerId = (n: number) => `bench-worker-${n}`;
const gridOf = (n: number) => `bench-grid-${n}`;

export async function complianceTables(baseUrl: string): Promise<void> {
  const firstMonday = chinaInstant(LAST_WEEK) - (WEEKS - 1) * 7 * 86_400_000;
  const users = Array.from({ length: WORKERS }, (_, n) => ({
    _id: workerId(n), openid: `bench-openid-${n}`, name: `网格员${n}`, prefs: { fontScale: 'standard' }, version: 1, createdAt: new Date(firstMonday), updatedAt: new Date(firstMonday),
    roles: [{ role: 'grid_officer', streetId: STREET_ID, communityId: 'community-a', gridIds: [gridOf(n)] }],
  }));
  await insertAll(baseUrl, 'users', users);
  const patrols: object[] = [];
  const visits: object[] = [];
  const logs: object[] = [];
  const cases: object[] = [];
  const expectedVisits = new Map<string, number>();
  for (let n = 0; n < WORKERS; n++) {
    for (let d = 0; d < WEEKS * 7; d++) {
      const dayStart = firstMonday + d * 86_400_000;
      const weekday = d % 7; // 0 = Monday
      const date = chinaWall(dayStart).toISOString().slice(0, 10);
      if (weekday < 5) {
        const startedAt = new Date(dayStart + 9 * 3_600_000);
        const track = Array.from({ length: 120 }, (_, i) => ({ at: new Date(startedAt.getTime() + i * 30_000), lat: 31.86 + i * 1e-5, lng: 117.28 + i * 1e-5 }));
        patrols.push({ _id: `bench-patrol-${n}-${d}`, streetId: STREET_ID, communityId: 'community-a', gridId: gridOf(n), workerId: workerId(n), state: 'ended', startedAt, minutes: 50 + ((n + d) % 30), track });
        if ((n + d) % 6 !== 0) logs.push({ _id: `log-${workerId(n)}-${date}`, streetId: STREET_ID, workerId: workerId(n), date });
        if ((n + d) % 9 === 0) cases.push({ _id: `bench-compliance-case-${n}-${d}`, streetId: STREET_ID, reporterId: workerId(n), createdAt: new Date(dayStart + 11 * 3_600_000) });
      }
      if (weekday === 1 || (weekday === 5 && n % 2 === 0)) {
        visits.push({ _id: `bench-visit-${n}-${d}`, streetId: STREET_ID, workerId: workerId(n), kind: 'routine', buildingId: `b-${n}`, door: `${d}`, targetLabel: `${d}号`, visitedAt: new Date(dayStart + 10 * 3_600_000) });
        expectedVisits.set(workerId(n), (expectedVisits.get(workerId(n)) ?? 0) + 1);
      }
    }
  }
  for (const [name, docs] of [['patrols', patrols], ['visits', visits], ['grid_logs', logs], ['cases', cases]] as const) await insertAll(baseUrl, name, docs, 500);
  const cookie = await login(baseUrl, STREET_STAFF);
  const samples: number[] = [];
  let stats = { roundTrips: 0, documentsReturned: 0, documentsScanned: 0 };
  let answer: { rows: Array<{ workerId: string; weeks: Array<{ cells: Array<{ metric: string; value: number }> }> }> } | undefined;
  for (let i = 0; i < CALLS; i++) {
    await resetDbStats(baseUrl);
    const t0 = process.hrtime.bigint();
    answer = (await callFn(baseUrl, cookie, 'worklog', 'compliance', { week: LAST_WEEK, weeks: WEEKS })) as typeof answer;
    samples.push(elapsedMs(t0));
    stats = await readDbStats(baseUrl);
  }
  const benchRows = (answer?.rows ?? []).filter((r) => r.workerId.startsWith('bench-worker-'));
  if (benchRows.length !== WORKERS) throw new Error(`compliance bench: ${benchRows.length} worker rows, expected ${WORKERS}`);
  for (const row of benchRows) {
    const counted = row.weeks.reduce((s, w) => s + (w.cells.find((c) => c.metric === 'visits')?.value ?? 0), 0);
    if (counted !== expectedVisits.get(row.workerId)) throw new Error(`compliance bench: ${row.workerId} counted ${counted} visits, inserted ${expectedVisits.get(row.workerId)}`);
  }
  printTable(
    `worklog.compliance: ${WORKERS} workers × ${WEEKS} weeks (${patrols.length} patrols with 120-point tracks, ${visits.length} visits, ${logs.length} logs, ${cases.length} cases), street staff, ${CALLS} calls`,
    ['round trips', 'docs returned', 'docs scanned', 'median ms'],
    [[withBudget('compliance round trips', stats.roundTrips, budgets.compliance.roundTrips, 0), stats.documentsReturned, stats.documentsScanned, median(samples).toFixed(0)]],
  );
}

// Standalone: `npx tsx scripts/bench/compliance.ts` (functions built first) runs this table alone.
if (require.main === module) runStandalone('compliance', complianceTables);
