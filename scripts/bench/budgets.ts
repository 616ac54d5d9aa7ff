/**
 * Budgets printed beside the benchmark figures (✓ within, ✗ over). A miss only prints,
 * unless BENCH_STRICT=1 makes `npm run bench` exit 1. Keys are the row labels of each table.
 */
export const budgets = {
  /** Gateway latency, ms (local cloud, loopback, 2 cores). Regression guards: first run 2026-11-23 gave medians 3.9 / 6.4 / 2.5. */
  latencyMs: {
    'user.me': { median: 15, p95: 30 },
    'user.updatePrefs': { median: 25, p95: 50 },
    'sdk doc().get()': { median: 10, p95: 20 },
  } as Record<string, { median: number; p95: number }>,
  /** The tracked figure: gateway read median / bare SDK get median (first run: 1.6). */
  gatewayReadOverBareGet: 2,
  /**
   * Per action: database round trips and documents scanned for one call, as an indexed lookup costs
   * (`users.openid` is indexed, deploy/collections.json).
   */
  actions: {
    'user.me': { roundTrips: 1, documentsScanned: 1 },
    /** Issue 3 item 9: opening a board is one function call and at most 2 database round trips (grid, then its people). */
    'board.get': { roundTrips: 2, documentsScanned: 10 },
    'user.updatePrefs': { roundTrips: 2, documentsScanned: 2 },
    /**
     * Issue 9 item 6: filing a case and a case command each within 4 round trips (transaction calls included).
     * Measured 30 Nov (records2, the bench's own measureAction in a single-file run): case.act 4 (3 reads + the
     * versioned write); case.report 7 (4 reads: caller+staff, grid, rate-limit window, config; 3 writes).
     * records3: case.report 4 — ONE aggregation on the grid with $lookups (configs, caller, officers, the
     * caller's windows, the photos' uploads), the window's write, the case, the outbox rows
     * (tests/integration/case-round-trips.test.ts asserts it). records4: also 4 for a new visitor's first
     * report (was 5: their record, holding the hits, replaces the window write) and a 突发性 report (was 6:
     * community/street staff in the aggregation, both limits in one window document).
     */
    'case.report': { roundTrips: 4, documentsScanned: 50 },
    'case.act': { roundTrips: 4, documentsScanned: 50 },
  } as Record<string, { roundTrips: number; documentsScanned: number }>,
  /**
   * Per bundle (scripts/bench/bundles.ts). Not CloudBase's limits: a function runs on Tencent SCF, which
   * takes up to 500 MB of code before compression, layers included ("单个函数（版本）的代码压缩前体积",
   * cloud.tencent.com/document/product/583/11637) — none of ours comes near. What costs is what a cold start
   * reads: the instance fetches the package, then node reads and compiles all of index.js before the first
   * call. So the guards are ours:
   * - entryKB, index.js: 1 600 KB for every function, no exceptions. The SDK bundled in is ~1 030 KB and
   *   zod's used part ~100 KB; a function's own code and its context's schemas add 50–350 KB (30 Nov:
   *   1 183–1 375 KB). Heavy libraries do not count here: they ship as vendor/<library>.js and load on the
   *   action that uses them (scripts/build-functions.mjs LAZY_LIBRARIES). Before that split assess was
   *   3 768 KB and needed an override; an override now would mean a library slipped back into index.js.
   * - packageKB, the whole folder: 16 MB. The Noto Sans SC font (10.1 MB, board and assess) plus index.js
   *   and exceljs + pdfkit (~2 MB) make ~13.5 MB; a second font or a duplicated library shows here first.
   */
  bundles: { entryKB: 1600, packageKB: 16 * 1024 },
  /**
   * Issue 13: a bundle's cold require may cost at most 1.2× the bare @cloudbase/node-sdk's in the same
   * run (CPU time; bundles.ts says why) — heavy libraries (exceljs, pdfkit and its font, QR encoders) load
   * in the actions that use them, and each function builds only its own context's zod schemas. No
   * absolute ms budget: on the shared 2-core machine ms measure the neighbours' load (bare SDK 370 ms idle,
   * 1.3–2.0 s at load 16), the ratio to the bare SDK run beside it does not.
   */
  coldRequireVsBareSdk: 1.2,
  /** case.report through the gateway (issue 4 item 12): caller, grid, existing-id check, config, add, event, officers, outbox. */
  caseReport: { roundTrips: 10, medianMs: 60, p95Ms: 120 },
  /** The escalation sweep over 100 000 cases with 100 due: reads ≈ the due ones (+ staff lookups), not all. */
  sweep: { documentsScanned: 2_000, ms: 5_000 },
  /**
   * Issue 13 item 2: a timer run (notify, escalate) working off a backlog of 10 000 due items takes at most
   * this share of the function's timeout (config.json): room for a slower production database and a cold
   * start, and a run never overlaps the next minute's. scripts/bench/timer-runs.ts prints every run.
   */
  timerRun: { shareOfTimeout: 0.25 },
  /**
   * volunteer.ranking for the street, 10 000 volunteers / 200 000 ledger lines (issue 5 item 10): 6 round trips
   * whatever the size; it reads the 10 000 accounts, never the ledger — twice locally (page + count; the local
   * store has no ordered index scan) + 100 names. Two runs at load average ~8.5 on 2 cores: 512 / 653 and 226 / 274 ms.
   */
  ranking: { roundTrips: 6, documentsScanned: 20_200, medianMs: 750, p95Ms: 1_500 },
  /**
   * Issue 16 item 2: a street year (100 grids, 100 000 cases) read from the daily rows in ≤ 3 round trips
   * (caller, one aggregation, street config); rebuilding a day for the street within the statsdaily timer's
   * timeout (60 s, cloudfunctions/statsdaily/config.json), with room: it stops taking work at 40 s.
   */
  stats: { dashboardRoundTrips: 3, dashboardMedianMs: 3_000, rebuildDayMs: 40_000, timerTimeoutMs: 60_000 },
  /** worklog.compliance for 100 workers × 4 weeks (issue 14 item 8): at most 3 database round trips (records3: 2, the caller + one $lookup aggregation; tests/integration/worklog-compliance.test.ts). */
  compliance: { roundTrips: 3 },
  /**
   * Issue 15 item 7, register.searchPeople over 30 000 people of one grid (scripts/bench/register.ts).
   * Name search looks up one name key on the multikey index (src/domain/register/name-keys.ts) plus the
   * records without keys: it reads the people holding the key, not the street. Before (30 Nov): a full
   * scan, 30 002 documents, 2.25 s median. After (30 Nov, search branch, load 2–4 on 2 cores): 5 round
   * trips, 15 documents, 104 ms median (phone tail 142 ms in the same run); 355–420 ms while the local
   * store still walked the name index for it (fixed: an equality on a multikey field takes the full path).
   */
  registerSearch: {
    'name (contains)': { roundTrips: 5, documentsScanned: 100, medianMs: 300 },
    'phone tail': { roundTrips: 4, documentsScanned: 100, medianMs: 400 },
    'ID tail': { roundTrips: 4, documentsScanned: 100, medianMs: 400 },
  } as Record<string, { roundTrips: number; documentsScanned: number; medianMs: number }>,
  /**
   * Documents scanned by one 500-household file of register.importHouseholds; must not grow with the
   * register. Before: 3 503, then ~21 500 more with each file (the 500-hash duplicate lookup was over the
   * local planner's 200-value `in` bound, so it read every active person of the street per chunk; and the
   * board recount read the grid's households and people). After (30 Nov, search branch): 3 for the first
   * file, 43 for each next one (the 40 buildings of the file looked up by id, the 3 counts' odd rows),
   * flat to the 10th file; total import 62.5 s → 39–40 s.
   */
  registerImport: { documentsScannedPerFile: 200 },
  /** weapp main package, KB (ARCHITECTURE §6; WeChat's hard limit is 2 MB). */
  weappMainKB: 600,
};

/** Misses seen while printing; run.ts exits 1 on any when BENCH_STRICT=1. */
export const misses: string[] = [];

/** "12.3 ✓" or "12.3 ✗ (budget 10)"; records a miss. No budget: the value alone. */
export function withBudget(label: string, value: number, budget: number | undefined, digits = 1): string {
  const text = value.toFixed(digits);
  if (budget === undefined) return text;
  if (value <= budget) return `${text} ✓`;
  misses.push(`${label}: ${text} > ${budget}`);
  return `${text} ✗ (≤ ${budget})`;
}
