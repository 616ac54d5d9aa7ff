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
}

export function measureBundles(functionsDir: string, names: string[]): BundleFigures[] {
  return names.map((name) => {
    const file = join(functionsDir, name, 'index.js');
    const runs = Array.from({ length: COLD_RUNS }, () => coldRequireOnce(file));
    return { name, sizeKB: statSync(file).size / 1024, coldRequireMs: median(runs) };
  });
}
