import { budgets, withBudget } from './budgets';
import { insertAll } from './seed';
import { printTable } from './table';

/**
 * Issue 4 item 12: filing a case (round trips, latency) and the escalation sweep over 100 000 cases
 * of which 100 are due — it must read about 100, not 100 000 (ARCHITECTURE §5).
 */
const TOTAL = 100_000;
const DUE = 100;

async function postJson(url: string, body: unknown, cookie?: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  return res.json();
}

const report = (i: number) => ({
  requestId: `bench-sweep-${Date.now().toString(36)}-${i}`,
  gridId: 'grid-a1',
  categoryId: 'rubbish',
  description: '楼下垃圾满溢',
  location: { lat: 31.86, lng: 117.28 },
  anonymous: false,
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The full local cloud (local-cloud/main.ts) declares the indexes of deploy/collections.json. */
export async function sweepTables(baseUrl: string, cookie: string): Promise<void> {
  const stats = async () => (await fetch(`${baseUrl}/internal/db/stats`).then((r) => r.json())) as { roundTrips: number; documentsScanned: number; documentsReturned: number };
  const resetStats = () => postJson(`${baseUrl}/internal/db/stats/reset`, {});

  // Filing: 5 warm-up + 30 measured calls through the gateway.
  const ms: number[] = [];
  let trips = 0;
  for (let i = 0; i < 35; i++) {
    await resetStats();
    const t0 = performance.now();
    const answer = await postJson(`${baseUrl}/api/fn/case`, { action: 'report', data: report(i) }, cookie);
    if (!answer.ok) throw new Error(`case.report failed: ${JSON.stringify(answer)}`);
    if (i >= 5) ms.push(performance.now() - t0);
    trips = (await stats()).roundTrips;
  }
  const b = budgets.caseReport;
  printTable('Filing a case (case.report via the gateway, 30 calls)', ['round trips', 'median ms', 'p95 ms'], [
    [withBudget('case.report round trips', trips, b.roundTrips, 0), withBudget('case.report median', percentile(ms, 50), b.medianMs, 1), withBudget('case.report p95', percentile(ms, 95), b.p95Ms, 1)],
  ]);

  // 100 000 cases straight through the SDK, array inserts; the due ones an hour old, the rest next week.
  await postJson(`${baseUrl}/internal/clock`, { reset: true });
  const now = Date.now();
  const docs = Array.from({ length: TOTAL }, (_, i) => dueCaseDoc(`bench-case-${i}`, i < DUE ? new Date(now - 3_600_000) : new Date(now + 7 * 86_400_000)));
  const insertMs = await insertAll(baseUrl, 'cases', docs, 2_000);
  await resetStats();
  const s0 = performance.now();
  const run = await postJson(`${baseUrl}/internal/timers/escalate/run`, {});
  const sweepMs = performance.now() - s0;
  const cost = await stats();
  const sb = budgets.sweep;
  printTable(`Escalation sweep: ${TOTAL} cases, ${DUE} due (inserted in ${(insertMs / 1000).toFixed(1)} s)`, ['escalated', 'docs scanned', 'docs returned', 'round trips', 'ms'], [
    [run.data?.escalated ?? JSON.stringify(run), withBudget('sweep documents scanned', cost.documentsScanned, sb.documentsScanned, 0), cost.documentsReturned, cost.roundTrips, withBudget('sweep ms', sweepMs, sb.ms, 0)],
  ]);
}

/** A routine case of grid A1 waiting to be signed for, due at `dueAt` (timer-runs.ts writes 10 000 due ones). */
export function dueCaseDoc(_id: string, dueAt: Date, description = '批量测试事件') {
  return {
    _id,
    state: 'reported',
    caseClass: 'routine',
    categoryId: 'rubbish',
    categoryLabel: '市容环境/垃圾',
    streetId: 'street-demo',
    communityId: 'community-a',
    gridId: 'grid-a1',
    reporterId: 'user-resident-1',
    reporterName: '徐大爷',
    stageStartedAt: new Date(dueAt.getTime() - 7_200_000),
    reworkCount: 0,
    description,
    photos: [],
    location: { lat: 31.86, lng: 117.28 },
    anonymous: false,
    dueAt,
    nearDueAt: dueAt,
    escalatesTo: 'community',
    deadlineKey: `sign_for@${dueAt.getTime() - 7_200_000}`,
    deadlineKind: 'sign_for',
    deadlineReason: 'bench',
    version: 1,
    createdAt: new Date(dueAt.getTime() - 7_200_000),
  };
}
