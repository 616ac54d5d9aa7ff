/**
 * weapp package figures from scripts/check-weapp.mjs. Reuses dist/weapp when it is a production build
 * (minified, no source maps, no local-only code); otherwise runs the production build first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'weapp');

export interface WeappFigures {
  mainKB: number;
  subpackages: Array<{ root: string; kb: number }>;
  totalKB: number;
  budgetKB: number;
  problems: string[];
}

interface CheckWeappModule {
  checkWeapp(opts: { build: boolean }): Promise<WeappFigures>;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Why dist/weapp cannot be reused as a production build, or null when it can. */
export function notProductionReason(): string | null {
  const appJs = join(DIST, 'app.js');
  if (!existsSync(join(DIST, 'app.json')) || !existsSync(appJs)) return 'no dist/weapp';
  const files = walk(DIST);
  if (files.some((f) => f.endsWith('.map'))) return 'dist/weapp has source maps (a dev build)';
  const js = readFileSync(appJs, 'utf8');
  const lines = js.split('\n').length;
  if (js.length / lines < 300) return 'dist/weapp/app.js is not minified (a dev build)';
  for (const f of files.filter((x) => x.endsWith('.js'))) {
    const text = readFileSync(f, 'utf8');
    if (text.includes('dev-login') || text.includes('/internal/')) return 'dist/weapp contains local-only code (TARO_APP_LOCAL=true build)';
  }
  return null;
}

export async function weappFigures(): Promise<{ figures: WeappFigures; source: string }> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts', 'check-weapp.mjs')).href)) as CheckWeappModule;
  const reason = notProductionReason();
  const figures = await mod.checkWeapp({ build: reason !== null });
  const source = reason === null ? 'existing dist/weapp (production build, reused)' : `built now in production mode (${reason})`;
  return { figures, source };
}
