/** Function bundle figures: size on disk and cold `require` time in a fresh node process. */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { budgets, withBudget } from './budgets';
import { median, printTable } from './table';

const COLD_RUNS = 5;

/** One fresh `node -e` that times `require(file)` with process.hrtime; ms. */
function coldRequireOnce(file: string): number {
  const script = `const t=process.hrtime();require(${JSON.stringify(file)});const d=process.hrtime(t);console.log(d[0]*1e3+d[1]/1e6)`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } });
  const ms = Number(out.trim().split('\n').pop());
  if (!Number.isFinite(ms)) throw new Error(`cold require of ${file} printed "${out}"`);
  return ms;
}

export interface BundleFigures {
  name: string;
  sizeKB: number;
  coldRequireMs: number;
  /** The bare `@cloudbase/node-sdk`'s cold require, measured around this bundle's runs. */
  bareSdkMs: number;
  /** Median over its runs of cold require / the bare SDK's just before and after (goal ≤ 1.2). */
  vsBareSdk: number;
}

export interface BundleRun {
  bundles: BundleFigures[];
  /** Median of every bare-SDK run of this measurement. */
  bareSdkMs: number;
}

/**
 * Each bundle's cold requires are bracketed by the bare SDK's (bare, bundle, bare, bundle, …, bare), and
 * each bundle run is divided by the mean of the two bare runs around it; the ratio is the median of
 * those. On a shared 2-core machine the load drifts over the minutes a run takes: measured once at the
 * start, the bare SDK gave 673 ms at load 6 (370 ms idle) and the ratios slid from 1.8× to 0.8× along the
 * list with the load, not with the bundles (30 Nov run). Bracketed, the floor moves with the load and the
 * ratio says what our code adds.
 */
export function measureBundles(functionsDir: string, names: string[], coldRequire: (file: string) => number = coldRequireOnce): BundleRun {
  const sdk = require.resolve('@cloudbase/node-sdk');
  const allBare: number[] = [];
  const bundles = names.map((name) => {
    const file = join(functionsDir, name, 'index.js');
    const bare: number[] = [coldRequire(sdk)];
    const runs: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      runs.push(coldRequire(file));
      bare.push(coldRequire(sdk));
      ratios.push(runs[i] / ((bare[i] + bare[i + 1]) / 2));
    }
    allBare.push(...bare);
    return { name, sizeKB: statSync(file).size / 1024, coldRequireMs: median(runs), bareSdkMs: median(bare), vsBareSdk: median(ratios) };
  });
  return { bundles, bareSdkMs: median(allBare) };
}

/** The bundles table of `npm run bench`: size, cold require, and the ratio to the bare SDK beside its budget. */
export function printBundles({ bundles, bareSdkMs }: BundleRun): void {
  printTable(
    `Function bundles (dist/functions/<name>/index.js; cold require = median of 5 fresh node processes, each between two of the bare @cloudbase/node-sdk, × bare SDK = median of run / mean of those two; bare SDK ${bareSdkMs.toFixed(1)} ms over this run)`,
    ['bundle', 'KB', 'cold require ms', 'bare SDK ms', '× bare SDK'],
    bundles.map((b) => {
      const budget = { ...budgets.bundles, ...budgets.bundleOverrides[b.name] };
      return [
        b.name,
        withBudget(`${b.name} KB`, b.sizeKB, budget.sizeKB),
        withBudget(`${b.name} cold require`, b.coldRequireMs, budget.coldRequireMs),
        b.bareSdkMs.toFixed(1),
        withBudget(`${b.name} cold require × bare SDK`, b.vsBareSdk, budgets.coldRequireVsBareSdk, 2),
      ];
    }),
  );
}

/** `npx tsx scripts/bench/bundles.ts` after `npm run build:functions`: this table alone. */
if (require.main === module) {
  const dir = resolve(__dirname, '..', '..', 'dist', 'functions');
  printBundles(measureBundles(dir, readdirSync(dir).filter((name) => statSync(join(dir, name, 'index.js'), { throwIfNoEntry: false })?.isFile()).sort()));
}
