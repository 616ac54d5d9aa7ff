/**
 * `npm run bench`: figures, not tests. Builds the function bundles, starts a full local cloud in this
 * process (test mode, free port, fresh temp data dir, demo seed), logs in as a seeded officer and prints
 * gateway latency, database cost per action, the escalation sweep, the notify and escalate timers run
 * after run over 10 000 due items, and the yearly street ranking at scale (sweep.ts, timer-runs.ts, ranking.ts), bundle sizes and cold require, and weapp package sizes,
 * each beside its budget (budgets.ts). A miss fails the run only with BENCH_STRICT=1. BENCH_QUICK=1 skips
 * the sweep and ranking at scale.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFullLocalCloud } from '../../local-cloud/main';
import { localApp } from '../../local-cloud/local-sdk';
import { actions, dataFor, labelOf } from './actions';
import { budgets, misses, withBudget } from './budgets';
import { measureBundles, printBundles } from './bundles';
import { callFn, login, measureAction } from './gateway';
import { measureLatency, MEASURED_CALLS, WARMUP_CALLS } from './latency';
import { printTable } from './table';
import { rankingTables } from './ranking';
import { statsTables } from './stats';
import { patrolStorageTables } from './patrol';
import { registerTables } from './register';
import { complianceTables } from './compliance';
import { sweepTables } from './sweep';
import { timerRunTables } from './timer-runs';
import { weappFigures } from './weapp';

const ROOT = resolve(__dirname, '..', '..');
const FUNCTIONS_DIR = join(ROOT, 'dist', 'functions');
/** Seeded by scripts/seed (openid demo-officer-a1): grid A1's officer. */
const OFFICER_USER_ID = 'user-officer-a1';

async function buildBundles(): Promise<string[]> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-functions.mjs')).href)) as {
    buildFunctions(opts: { quiet: boolean }): Promise<string[]>;
  };
  return mod.buildFunctions({ quiet: true });
}

async function cloudTables(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridlink-bench-'));
  const cloud = await startFullLocalCloud({ port: 0, dataDir, mode: 'test', seed: true, timers: false });
  try {
    console.log(`local cloud ${cloud.baseUrl} (test mode, data ${dataDir}, demo seed ${cloud.seeded ? 'written' : 'MISSING'})`);
    const cookie = await login(cloud.baseUrl, OFFICER_USER_ID);
    const db = localApp(cloud.baseUrl).database();

    const latency = await measureLatency({ baseUrl: cloud.baseUrl, cookie, bareGet: () => db.collection('users').doc(OFFICER_USER_ID).get() });
    const byLabel = new Map(latency.map((l) => [l.label, l]));
    const ratio = byLabel.get('user.me')!.median / byLabel.get('sdk doc().get()')!.median;
    printTable(
      `Gateway latency (ms; ${WARMUP_CALLS} warm-up + ${MEASURED_CALLS} calls each, interleaved)`,
      ['call', 'calls', 'median', 'p95'],
      latency.map((l) => {
        const b = budgets.latencyMs[l.label];
        return [l.label === 'sdk doc().get()' ? "bare SDK users.doc(id).get()" : `POST /api/fn/user ${l.label}`, l.calls, withBudget(`${l.label} median`, l.median, b?.median, 2), withBudget(`${l.label} p95`, l.p95, b?.p95, 2)];
      }),
      `gateway read / bare get (median): ${withBudget('gateway read / bare get', ratio, budgets.gatewayReadOverBareGet, 2)}   ← the tracked figure`,
    );

    const rows: Array<Array<string | number>> = [];
    for (const [i, a] of actions.entries()) {
      const label = labelOf(a);
      // A large offset keeps the write's value unlike the one the latency run left behind.
      const n = MEASURED_CALLS + WARMUP_CALLS + i + 1;
      const data = a.prepare ? await a.prepare((fn, action, d) => callFn(cloud.baseUrl, cookie, fn, action, d), n) : dataFor(a, n);
      const cost = await measureAction(cloud.baseUrl, cookie, a.fn, a.action, data);
      const b = budgets.actions[label];
      const detail = Object.entries(cost.byAction).map(([k, v]) => `${k}×${v}`).join(' ');
      rows.push([label, withBudget(`${label} round trips`, cost.roundTrips, b?.roundTrips, 0), withBudget(`${label} documents scanned`, cost.documentsScanned, b?.documentsScanned, 0), cost.documentsReturned, detail]);
    }
    printTable('Database cost per action (one call, as the grid A1 officer)', ['action', 'round trips', 'docs scanned', 'returned', 'admin actions'], rows);
    // BENCH_QUICK=1: latency and per-action costs only (the scale runs take minutes).
    if (process.env.BENCH_QUICK === '1') return;
    await patrolStorageTables(cloud.baseUrl);
    await sweepTables(cloud.baseUrl, cookie);
    await timerRunTables(cloud.baseUrl);
    await rankingTables(cloud.baseUrl);
    await statsTables(cloud.baseUrl);
    await registerTables(cloud.baseUrl);
    await complianceTables(cloud.baseUrl);
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`网格通 benchmarks — node ${process.version}, ${cpus().length} core(s)`);
  const names = await buildBundles();
  console.log(`built ${names.length} function bundle(s) in ${Date.now() - started} ms`);

  await cloudTables();

  printBundles(measureBundles(FUNCTIONS_DIR, names));

  const { figures, source } = await weappFigures();
  printTable(
    'weapp packages (KB)',
    ['package', 'KB'],
    [
      ['main package', withBudget('weapp main KB', figures.mainKB, budgets.weappMainKB)],
      ...figures.subpackages.map((s) => [`subpackage ${s.root}`, s.kb.toFixed(1)]),
      ['total', figures.totalKB.toFixed(1)],
    ],
    `source: ${source}${figures.problems.length ? `\nweapp check problems: ${figures.problems.join('; ')}` : ''}`,
  );

  console.log(`\n${misses.length ? `${misses.length} budget miss(es): ${misses.join('; ')}` : 'all figures within budget'} — ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  // The SDK's keep-alive sockets can outlive the cloud; end explicitly once everything is printed.
  () => process.exit(process.env.BENCH_STRICT === '1' && misses.length > 0 ? 1 : 0),
  (err) => {
    console.error('bench failed:', err);
    process.exit(2);
  },
);
