/** Function bundle figures: size on disk and cold `require` time in a fresh node process. */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './table';

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
  /** Cold require divided by the bare `@cloudbase/node-sdk`'s, measured in the same run (goal ≤ 1.2). */
  vsBareSdk: number;
}

/**
 * The floor every bundle stands on: a fresh process requiring nothing but the SDK. Comparing with it in
 * the same run cancels out the machine's speed and load, so the ratio says what our code adds.
 */
export function measureBareSdk(): number {
  const sdk = require.resolve('@cloudbase/node-sdk');
  return median(Array.from({ length: COLD_RUNS }, () => coldRequireOnce(sdk)));
}

export function measureBundles(functionsDir: string, names: string[], bareSdkMs: number): BundleFigures[] {
  return names.map((name) => {
    const file = join(functionsDir, name, 'index.js');
    const runs = Array.from({ length: COLD_RUNS }, () => coldRequireOnce(file));
    const coldRequireMs = median(runs);
    return { name, sizeKB: statSync(file).size / 1024, coldRequireMs, vsBareSdk: coldRequireMs / bareSdkMs };
  });
}
