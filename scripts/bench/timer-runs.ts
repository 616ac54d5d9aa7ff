import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localApp } from '../../local-cloud/local-sdk';
import { DEFAULT_TEMPLATES } from '../../src/domain/notification';
import { subscriptionId } from '../../src/domain/notification/templates';
import { notificationDocs } from '../../cloudfunctions/_lib/notify';
import { budgets, misses, withBudget } from './budgets';
import { readDbStats, resetDbStats } from './gateway';
import { insertAll, runStandalone, STREET_ID } from './seed';
import { dueCaseDoc } from './sweep';
import { elapsedMs, printTable } from './table';

/**
 * Issue 13 item 2: the timers work off a backlog of 10 000 due items in bounded runs, each well inside the
 * function's timeout (config.json), the rest left to the next run. The bench writes 10 000 queued subscribe
 * messages (to 100 subscribed staff, whom the local WeChat holds the acceptances of) and 10 000 cases an
 * hour overdue, straight through the SDK, then fires the `notify` and the `escalate` timer run after run —
 * as CloudBase fires them once a minute — until nothing is left, and prints each run: items, ms, database
 * round trips, against the budget of a quarter of the timeout (budgets.ts). It fails (exit 2) unless every
 * message went out exactly once and every case was escalated exactly once.
 */
/** BENCH_TIMER_ITEMS: a smaller backlog for a quick look (see MAX_RUNS). */
const ITEMS = Number(process.env.BENCH_TIMER_ITEMS ?? 10_000);
const RECIPIENTS = 100;
/**
 * A bound on the bench itself. The local store walks the `createdAt` / `dueAt` index in order and stops at
 * the page's limit (local-cloud/services/database/ordered-scan.ts), as CloudBase's index does, so a run's
 * cost follows its batch, not the backlog (before that walk every page parsed the whole backlog and each
 * run hit its 12 s wall clock). A backlog not drained in this many runs is printed and counted as a miss.
 */
const MAX_RUNS = 200;
const ROOT = resolve(__dirname, '..', '..');
const CASE_DESCRIPTION = '定时任务批量基准事件';

/** The function's configured timeout (cloudfunctions/<name>/config.json, seconds) in ms. */
export function timeoutMsOf(fn: string): number {
  const config = JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', fn, 'config.json'), 'utf8')) as { timeout: number };
  return config.timeout * 1000;
}

const recipientId = (n: number) => `bench-timer-user-${n}`;
const openidOf = (n: number) => `bench-timer-openid-${n}`;

async function post(url: string, body: unknown): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url} → HTTP ${res.status}: ${await res.text()}`);
  return res.json();
}

interface Run {
  items: number;
  ms: number;
  roundTrips: number;
  documentsScanned: number;
  data: any;
}

/** Fires `fn`'s timer until a run does nothing (`done`), measuring each run on its own. */
async function drain(baseUrl: string, fn: string, itemsOf: (data: any) => number, done: (data: any) => boolean): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < MAX_RUNS; i++) {
    await resetDbStats(baseUrl);
    const start = process.hrtime.bigint();
    const answer = await post(`${baseUrl}/internal/timers/${fn}/run`, {});
    const ms = elapsedMs(start);
    if (!answer.ok) throw new Error(`${fn} timer run failed: ${JSON.stringify(answer)}`);
    const { roundTrips, documentsScanned } = await readDbStats(baseUrl);
    runs.push({ items: itemsOf(answer.data), ms, roundTrips, documentsScanned, data: answer.data });
    // A line per run as it ends: a slow machine shows progress before the table.
    process.stdout.write(`${fn} run ${i + 1}: ${runs[i].items} items, ${ms.toFixed(0)} ms\n`);
    if (done(answer.data)) return runs;
  }
  misses.push(`${fn}: backlog not drained in ${MAX_RUNS} runs`);
  return runs;
}

function printRuns(fn: string, title: string, itemHeader: string, runs: Run[], detail: (r: Run) => string, exactlyOnce: string): void {
  const timeout = timeoutMsOf(fn);
  const budget = timeout * budgets.timerRun.shareOfTimeout;
  const working = runs.filter((r) => r.items > 0);
  const slowest = Math.max(0, ...runs.map((r) => r.ms));
  const median = working.length ? [...working].sort((a, b) => a.ms - b.ms)[Math.floor(working.length / 2)].ms : 0;
  printTable(
    title,
    ['run', itemHeader, 'ms', '% of timeout', 'round trips', 'docs scanned', 'detail'],
    runs.map((r, i) => [i + 1, r.items, withBudget(`${fn} run ${i + 1} ms`, r.ms, budget, 0), `${((100 * r.ms) / timeout).toFixed(1)} %`, r.roundTrips, r.documentsScanned, detail(r)]),
    `timeout ${timeout / 1000} s (cloudfunctions/${fn}/config.json); budget per run ${budget / 1000} s = ${budgets.timerRun.shareOfTimeout * 100} % of it; ` +
      `${runs.reduce((s, r) => s + r.items, 0)} items in ${runs.length} runs (${working.length} with work, the last finds none); ` +
      `run ms median ${median.toFixed(0)} (${((100 * median) / timeout).toFixed(1)} %), slowest ${slowest.toFixed(0)} (${((100 * slowest) / timeout).toFixed(1)} %); exactly once: ${exactlyOnce}`,
  );
}

async function notifyRuns(baseUrl: string): Promise<void> {
  const db = localApp(baseUrl).database();
  const template = DEFAULT_TEMPLATES.case_overdue.templateId;
  const perRecipient = ITEMS / RECIPIENTS;
  const t0 = process.hrtime.bigint();
  const users = Array.from({ length: RECIPIENTS }, (_, n) => ({
    _id: recipientId(n), openid: openidOf(n), name: `基准督办员${n}`, prefs: { fontScale: 'standard' }, version: 1, createdAt: new Date(), updatedAt: new Date(),
    // Staff of a community no bench case is in: the escalations below must not notify them too.
    roles: [{ role: 'community_staff', streetId: STREET_ID, communityId: 'bench-timer-community' }],
  }));
  await insertAll(baseUrl, 'users', users);
  // What each recipient's 允许 left behind: WeChat's count (the local WeChat, one grant per tap) and the app's.
  for (let n = 0; n < RECIPIENTS; n++) {
    await Promise.all(Array.from({ length: perRecipient }, () => post(`${baseUrl}/internal/wx/subscribe`, { openid: openidOf(n), tmplIds: [template] })));
  }
  await insertAll(baseUrl, 'subscriptions', users.map((u) => ({ _id: subscriptionId(u._id, template), userId: u._id, templateId: template, count: perRecipient, createdAt: new Date(), updatedAt: new Date() })));
  const queuedAt = new Date(Date.now() - 3_600_000);
  const rows = notificationDocs(
    Array.from({ length: ITEMS }, (_, i) => ({ toUserId: recipientId(i % RECIPIENTS), kind: 'case_overdue' as const, caseId: `bench-timer-case-${i}`, cause: `bench-timer-${i}`, body: `市容环境/垃圾：${CASE_DESCRIPTION}` })),
    queuedAt,
    { categoryLabel: '市容环境/垃圾' },
  );
  await insertAll(baseUrl, 'notifications', rows);
  const seedS = elapsedMs(t0) / 1000;
  const pendingBefore = (await db.collection('notifications').where({ status: 'pending' }).count()).total;

  const runs = await drain(baseUrl, 'notify', (d) => d.sent + d.failed, (d) => d.sent + d.failed === 0);
  const ours = { toUserId: db.command.in(users.map((u) => u._id)) };
  const sentOnce = (await db.collection('notifications').where({ ...ours, status: 'sent', attempts: 1 }).count()).total;
  printRuns(
    'notify',
    `notify timer: ${ITEMS} queued subscribe messages to ${RECIPIENTS} subscribed staff (+ ${pendingBefore - ITEMS} queued by earlier tables), run after run (seeded in ${seedS.toFixed(1)} s)`,
    'sent + failed',
    runs,
    (r) => `sent ${r.data.sent}, failed ${r.data.failed}`,
    `${sentOnce} of ${ITEMS} sent with attempts 1`,
  );
  const sentTotal = runs.reduce((n, r) => n + r.data.sent, 0);
  // Drained: every message sent exactly once. Not drained: none sent twice (the runs' sends are the rows sent once, plus the earlier tables').
  if (runs.length < MAX_RUNS ? sentOnce !== ITEMS : sentOnce > sentTotal) throw new Error(`notify bench: ${sentOnce} of ${ITEMS} messages sent exactly once after ${sentTotal} sends`);
}

async function escalateRuns(baseUrl: string): Promise<void> {
  const db = localApp(baseUrl).database();
  await post(`${baseUrl}/internal/clock`, { reset: true });
  const now = Date.now();
  // Due an hour ago, one second apart: the sweep takes them oldest first.
  const docs = Array.from({ length: ITEMS }, (_, i) => dueCaseDoc(`bench-timer-case-${i}`, new Date(now - 3_600_000 - (ITEMS - i) * 1000), CASE_DESCRIPTION));
  const seedMs = await insertAll(baseUrl, 'cases', docs);
  const total = (await db.collection('cases').count()).total;

  const runs = await drain(baseUrl, 'escalate', (d) => d.escalated + d.warned, (d) => !d.more && d.escalated + d.warned === 0);
  const ours = { description: CASE_DESCRIPTION, overdueLevel: 'community' };
  // Seeded at version 1: one escalation makes it 2, a second would make it 3.
  const once = (await db.collection('cases').where({ ...ours, version: 2 }).count()).total;
  printRuns(
    'escalate',
    `escalate timer: ${ITEMS} cases an hour overdue among ${total} cases, run after run (inserted in ${(seedMs / 1000).toFixed(1)} s)`,
    'escalated + warned',
    runs,
    (r) => `escalated ${r.data.escalated}, warned ${r.data.warned}, read ${r.data.read}${r.data.more ? ', more' : ''}`,
    `${once} of ${ITEMS} escalated once (version 2)`,
  );
  const escalatedTotal = runs.reduce((n, r) => n + r.data.escalated, 0);
  if (runs.length < MAX_RUNS ? once !== ITEMS : once !== escalatedTotal) throw new Error(`escalate bench: ${once} of ${ITEMS} cases escalated exactly once after ${escalatedTotal} escalations`);
}

export async function timerRunTables(baseUrl: string): Promise<void> {
  await notifyRuns(baseUrl);
  await escalateRuns(baseUrl);
}

if (require.main === module) runStandalone('timer-runs', timerRunTables);
