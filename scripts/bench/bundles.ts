/**
 * Function bundle figures: what a cold start reads (index.js), what is deployed (the whole folder), and the
 * cold `require` of each bundle in a fresh node process as a ratio to the bare `@cloudbase/node-sdk`'s,
 * measured in the same run, interleaved, over several rounds (issue 13 item 2: goal ≤ 1.2×).
 *
 * Alone: `npm run build:functions && npx tsx scripts/bench/bundles.ts [--rounds N] [--dir DIR] [name …]`
 * (on the shared machine under `flock /work/heavy.lock`). `--dir` measures another folder of bundles, e.g.
 * one holding `assess` and `assess.before` side by side, to compare two builds in one run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { budgets, withBudget } from './budgets';
import { median, printTable } from './table';

/**
 * Rounds per run. Each round times every bundle once, each bracketed by bare-SDK runs; the figures are the
 * medians over the rounds. 7 rounds of 16 bundles are 231 processes, about two minutes on 2 idle cores.
 */
const DEFAULT_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS) || 7;

/** One cold require: wall clock, CPU time of the process over it, and how many files it loaded from the bundle's folder. */
export interface ColdSample {
  wallMs: number;
  cpuMs: number;
  /** Files of the bundle's own folder in `require.cache` afterwards: 1 means no vendor file loaded at cold start. */
  files: number;
}

/**
 * A fresh `node -e` that requires `file`. CPU time (process.cpuUsage, user + system) is the figure the
 * budget reads: on a 2-core machine shared by eight people, wall time is mostly the wait for a core (at
 * load 16 the bare SDK took 1.3–2.0 s wall but 0.38–0.50 s CPU, 30 Nov), and a CloudBase instance has its
 * core to itself, where wall ≈ CPU. Wall time is printed beside it.
 */
export function coldRequireOnce(file: string): ColdSample {
  const script = [
    // require.cache keys are real paths: resolve a symlinked bundle folder (bench --dir comparisons) first.
    `const f=require('fs').realpathSync(${JSON.stringify(file)}),dir=require('path').dirname(f)+require('path').sep;`,
    'const c=process.cpuUsage(),t=process.hrtime.bigint();require(f);',
    'const w=Number(process.hrtime.bigint()-t)/1e6,u=process.cpuUsage(c);',
    'console.log(JSON.stringify({wallMs:w,cpuMs:(u.user+u.system)/1e3,files:Object.keys(require.cache).filter(k=>k.startsWith(dir)).length}))',
  ].join('');
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
  const sample = JSON.parse(out.trim().split('\n').pop() ?? '') as ColdSample;
  if (!Number.isFinite(sample.wallMs) || !Number.isFinite(sample.cpuMs)) throw new Error(`cold require of ${file} printed "${out}"`);
  return sample;
}

export interface BundleFigures {
  name: string;
  /** index.js: what every cold start reads and compiles. */
  entryKB: number;
  /** Everything deployed: index.js, vendor/ (lazy libraries), fonts. */
  packageKB: number;
  /** Most files loaded from the bundle's folder by one cold require (1: index.js alone). */
  filesAtColdStart: number;
  wallMs: number;
  cpuMs: number;
  /** Median over the rounds of CPU ms / the mean of the two bare-SDK runs around it. */
  vsBareSdk: number;
  /** The same with wall-clock times. */
  vsBareSdkWall: number;
}

export interface BundleRun {
  /** The folder of bundles measured. */
  dir: string;
  bundles: BundleFigures[];
  rounds: number;
  /** Medians of every bare-SDK run of this measurement. */
  bareSdk: { wallMs: number; cpuMs: number };
  /** 1-minute load average before and after, and the cores it is shared by. */
  load: { before: number; after: number; cores: number };
}

function folderKB(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? folderKB(path) * 1024 : statSync(path).size;
  }
  return bytes / 1024;
}

/**
 * Round r times the bundles in order rotated by r (so no bundle always runs first, after a pause), as
 * bare, b1, bare, b2, …, bare: each bundle run is divided by the mean of the bare runs just before and
 * after it, so a load that drifts during the run moves the floor with it (measured once up front, the bare
 * SDK gave 673 ms at load 6 and the ratios slid from 1.8× to 0.8× along the list, 30 Nov). The ratio is
 * the median over the rounds.
 */
export function measureBundles(
  functionsDir: string,
  names: string[],
  { rounds = DEFAULT_ROUNDS, coldRequire = coldRequireOnce }: { rounds?: number; coldRequire?: (file: string) => ColdSample } = {},
): BundleRun {
  const sdk = require.resolve('@cloudbase/node-sdk');
  const loadBefore = loadavg()[0];
  const samples = new Map(names.map((name) => [name, [] as Array<ColdSample & { cpuRatio: number; wallRatio: number }>]));
  const bare: ColdSample[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    let before = coldRequire(sdk);
    bare.push(before);
    for (const name of order) {
      const run = coldRequire(join(functionsDir, name, 'index.js'));
      const after = coldRequire(sdk);
      bare.push(after);
      samples.get(name)!.push({
        ...run,
        cpuRatio: run.cpuMs / ((before.cpuMs + after.cpuMs) / 2),
        wallRatio: run.wallMs / ((before.wallMs + after.wallMs) / 2),
      });
      before = after;
    }
  }
  const bundles = names.map((name) => {
    const runs = samples.get(name)!;
    const dir = join(functionsDir, name);
    return {
      name,
      entryKB: statSync(join(dir, 'index.js')).size / 1024,
      packageKB: folderKB(dir),
      filesAtColdStart: Math.max(...runs.map((r) => r.files)),
      wallMs: median(runs.map((r) => r.wallMs)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
      vsBareSdk: median(runs.map((r) => r.cpuRatio)),
      vsBareSdkWall: median(runs.map((r) => r.wallRatio)),
    };
  });
  return {
    dir: functionsDir,
    bundles,
    rounds,
    bareSdk: { wallMs: median(bare.map((b) => b.wallMs)), cpuMs: median(bare.map((b) => b.cpuMs)) },
    load: { before: loadBefore, after: loadavg()[0], cores: cpus().length },
  };
}

/** The bundles table of `npm run bench`: sizes, cold require, and the ratio to the bare SDK beside its budget. */
export function printBundles({ dir, bundles, rounds, bareSdk, load }: BundleRun): void {
  printTable(
    `Function bundles (${relative(process.cwd(), dir) || dir}/<name>; cold require = median of ${rounds} rounds, each a fresh node process between two of the bare @cloudbase/node-sdk; × bare SDK = median of run / mean of those two, CPU time — wall beside it; bare SDK ${bareSdk.cpuMs.toFixed(0)} ms CPU, ${bareSdk.wallMs.toFixed(0)} ms wall; load ${load.before.toFixed(2)} → ${load.after.toFixed(2)} on ${load.cores} cores)`,
    ['bundle', 'index.js KB', 'package KB', 'files at cold start', 'CPU ms', 'wall ms', '× bare SDK', '× bare SDK (wall)'],
    bundles.map((b) => [
      b.name,
      withBudget(`${b.name} index.js KB`, b.entryKB, budgets.bundles.entryKB, 0),
      withBudget(`${b.name} package KB`, b.packageKB, budgets.bundles.packageKB, 0),
      withBudget(`${b.name} files at cold start`, b.filesAtColdStart, 1, 0),
      b.cpuMs.toFixed(0),
      b.wallMs.toFixed(0),
      withBudget(`${b.name} cold require × bare SDK`, b.vsBareSdk, budgets.coldRequireVsBareSdk, 2),
      b.vsBareSdkWall.toFixed(2),
    ]),
    load.before > load.cores || load.after > load.cores
      ? `load above ${load.cores}: processes waited for a core, so the ms figures say more about the neighbours than the bundles; the CPU ratios still compare like with like`
      : undefined,
  );
}

function argsOf(argv: string[]): { rounds?: number; dir?: string; names: string[] } {
  const out: { rounds?: number; dir?: string; names: string[] } = { names: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rounds') out.rounds = Number(argv[++i]);
    else if (argv[i] === '--dir') out.dir = resolve(argv[++i]);
    else out.names.push(argv[i]);
  }
  return out;
}

if (require.main === module) {
  const args = argsOf(process.argv.slice(2));
  const dir = args.dir ?? resolve(__dirname, '..', '..', 'dist', 'functions');
  const built = readdirSync(dir).filter((name) => statSync(join(dir, name, 'index.js'), { throwIfNoEntry: false })?.isFile()).sort();
  printBundles(measureBundles(dir, args.names.length ? args.names : built, { rounds: args.rounds }));
}
