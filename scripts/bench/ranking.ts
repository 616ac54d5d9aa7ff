import { localApp } from '../../local-cloud/local-sdk';
import { CHINA_OFFSET_MS } from '../../src/domain/calendar/china-time';
import { chinaYear } from '../../src/domain/volunteer';
import { budgets, withBudget } from './budgets';
import { callFn, login, measureAction } from './gateway';
import { prng, STREET_ID, STREET_STAFF } from './seed';
import { elapsedMs, median, percentile, printTable } from './table';

/**
 * Issue 5 item 10: the yearly street ranking (`volunteer.ranking { scope: 'street', year }`) with 10 000
 * volunteers and 200 000 ledger entries of this China-time year, spread over the demo street's communities.
 *
 * The function ranks from `points_accounts` (one document per volunteer and year, moved on every ledger
 * append — cloudfunctions/volunteer/ledger-store.ts), so the bench writes the three collections the app
 * would have written: `volunteers` profiles, `ledger` award lines and the matching accounts (earned =
 * available = the sum of that volunteer's lines). All straight through the SDK as array inserts, not
 * through `volunteer.complete` (200 000 function calls would take minutes). The ledger lines are not read
 * by the ranking; they are there so the figure is taken beside a full-size ledger, as in production.
 *
 * Fails the run (throws → exit 2) when the top row's points are not the largest sum inserted.
 */
const VOLUNTEERS = 10_000;
const LEDGER_ENTRIES = 200_000;
const INSERT_BATCH = 1_000;
const WARMUP_CALLS = 3;
const MEASURED_CALLS = 20;
const COMMUNITY_IDS = ['community-a', 'community-b', 'community-c'];
const ORGANISER_USER_ID = 'user-community-a';
const RULE_IDS = ['governance.sanitation', 'governance.patrol', 'culture.policy'];

const volunteerId = (n: number) => `bench-vol-${n}`;
const communityOf = (n: number) => COMMUNITY_IDS[n % COMMUNITY_IDS.length];

export async function rankingTables(baseUrl: string): Promise<void> {
  const db = localApp(baseUrl).database();
  for (const name of ['volunteers', 'ledger', 'points_accounts']) await db.createCollection(name).catch(() => undefined);
  const now = new Date();
  const year = chinaYear(now);
  // Entries fall between the China-time new year and now, so each one's `year` matches its `at`.
  const yearStart = Date.UTC(year, 0, 1) - CHINA_OFFSET_MS;
  const span = Math.max(1, now.getTime() - yearStart - 1_000);
  const random = prng(20_260_501);

  // Volunteers. Client and server share this process, so process CPU time is the whole seed's cost —
  // the figure to read when the machine is busy with other work and the wall time is inflated.
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const flags = { buildingHead: false, unitHead: false, infoAssistant: false };
  for (let start = 0; start < VOLUNTEERS; start += INSERT_BATCH) {
    const docs = Array.from({ length: Math.min(INSERT_BATCH, VOLUNTEERS - start) }, (_, k) => {
      const n = start + k;
      return {
        _id: volunteerId(n), userId: volunteerId(n), streetId: STREET_ID, communityId: communityOf(n),
        name: `志愿者${n}`, phone: `139${String(n).padStart(8, '0')}`, building: `${(n % 30) + 1}栋`, skills: [], flags,
        version: 1, createdAt: now, updatedAt: now,
      };
    });
    await db.collection('volunteers').add(docs);
  }
  const volunteersMs = elapsedMs(t0);

  // Ledger: award lines of 1–10 points, each to a random volunteer; the sums kept for the accounts.
  const sums = new Array<number>(VOLUNTEERS).fill(0);
  const t1 = process.hrtime.bigint();
  for (let start = 0; start < LEDGER_ENTRIES; start += INSERT_BATCH) {
    const docs = Array.from({ length: Math.min(INSERT_BATCH, LEDGER_ENTRIES - start) }, (_, k) => {
      const i = start + k;
      const n = Math.floor(random() * VOLUNTEERS);
      const points = 1 + Math.floor(random() * 10);
      sums[n] += points;
      return {
        _id: `award:activity:bench-act-${i % 5_000}:${volunteerId(n)}:${i}`, kind: 'award', volunteerId: volunteerId(n),
        communityId: communityOf(n), streetId: STREET_ID, year, points, ruleId: RULE_IDS[i % RULE_IDS.length],
        source: { activityId: `bench-act-${i % 5_000}` }, by: ORGANISER_USER_ID, at: new Date(yearStart + Math.floor(random() * span)),
      };
    });
    await db.collection('ledger').add(docs);
  }
  const ledgerMs = elapsedMs(t1);

  // Accounts: what moveAccount would have left after those appends (only volunteers with a line have one).
  const t2 = process.hrtime.bigint();
  const accounts = sums.flatMap((earned, n) =>
    earned > 0 ? [{ _id: `${volunteerId(n)}:${year}`, volunteerId: volunteerId(n), communityId: communityOf(n), streetId: STREET_ID, year, earned, available: earned }] : [],
  );
  for (let start = 0; start < accounts.length; start += INSERT_BATCH) await db.collection('points_accounts').add(accounts.slice(start, start + INSERT_BATCH));
  const accountsMs = elapsedMs(t2);
  const seedMs = volunteersMs + ledgerMs + accountsMs;
  const seedCpu = process.cpuUsage(cpu0);
  const seedCpuS = (seedCpu.user + seedCpu.system) / 1e6;
  const expectedTop = Math.max(...sums);
  console.log(`\nranking bench: seeded ${VOLUNTEERS} volunteers, ${LEDGER_ENTRIES} ledger entries and ${accounts.length} accounts in ${(seedMs / 1000).toFixed(1)} s (process CPU ${seedCpuS.toFixed(1)} s)`);

  // The ranking through the gateway, as street staff.
  const cookie = await login(baseUrl, STREET_STAFF);
  const input = { scope: 'street', year };
  type Answer = { total: number; rows: Array<{ rank: number; volunteerId: string; points: number }> };
  const samples: number[] = [];
  let answer: Answer | undefined;
  const callsCpu0 = process.cpuUsage();
  for (let i = 0; i < WARMUP_CALLS + MEASURED_CALLS; i++) {
    const start = process.hrtime.bigint();
    answer = (await callFn(baseUrl, cookie, 'volunteer', 'ranking', input)) as Answer;
    if (i >= WARMUP_CALLS) samples.push(elapsedMs(start));
  }
  const callsCpu = process.cpuUsage(callsCpu0);
  const cpuPerCallMs = (callsCpu.user + callsCpu.system) / 1000 / (WARMUP_CALLS + MEASURED_CALLS);
  const cost = await measureAction(baseUrl, cookie, 'volunteer', 'ranking', input);
  const top = answer!.rows[0];
  const topN = top ? Number(top.volunteerId.replace('bench-vol-', '')) : -1;
  const correct = top !== undefined && top.points === expectedTop && sums[topN] === expectedTop && answer!.total === accounts.length;
  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
  const b = budgets.ranking;
  printTable(
    `Yearly street ranking: ${VOLUNTEERS} volunteers, ${LEDGER_ENTRIES} ledger entries, ${accounts.length} accounts of ${year} (volunteer.ranking via the gateway as street staff, ${WARMUP_CALLS} warm-up + ${MEASURED_CALLS} calls)`,
    ['round trips', 'docs scanned', 'returned', 'median ms', 'p95 ms', 'top row', 'admin actions'],
    [[
      withBudget('ranking round trips', cost.roundTrips, b.roundTrips, 0),
      withBudget('ranking documents scanned', cost.documentsScanned, b.documentsScanned, 0),
      cost.documentsReturned,
      withBudget('ranking median', median(samples), b.medianMs, 1),
      withBudget('ranking p95', percentile(samples, 95), b.p95Ms, 1),
      `${top?.points ?? 'none'} ${correct ? '✓' : `✗ (expected ${expectedTop}, ${accounts.length} ranked; got total ${answer!.total})`}`,
      Object.entries(cost.byAction).map(([k, v]) => `${k}×${v}`).join(' '),
    ]],
    `process CPU per ranking call (client + gateway + function + database, one process): ${cpuPerCallMs.toFixed(0)} ms\n` +
      `seeded through the SDK in ${(seedMs / 1000).toFixed(1)} s (process CPU ${seedCpuS.toFixed(1)} s), batches of ${INSERT_BATCH}: volunteers ${(volunteersMs / 1000).toFixed(1)} s, ` +
      `ledger ${(ledgerMs / 1000).toFixed(1)} s (${rate(LEDGER_ENTRIES, ledgerMs)} docs/s), accounts ${(accountsMs / 1000).toFixed(1)} s`,
  );
  if (!correct) throw new Error(`volunteer.ranking is wrong: top row ${JSON.stringify(top)}, expected ${expectedTop} points and total ${accounts.length}`);
}
