// Weapp package check: production build (TARO_APP_LOCAL=false), app.json against src/app.config.ts,
// no local-only code shipped, the main package within budget (ARCHITECTURE §6: 600 KB; WeChat's hard limit is 2 MB),
// WeChat's own WXML/WXSS compilers (wcc/wcsc from miniprogram-compiler) accept the whole build, no DOM/BOM API
// outside Taro's runtime, then the weapp smoke test (jest project `weapp`: every page mounted by miniprogram-simulate).
// `node scripts/check-weapp.mjs [--no-build] [--no-smoke]`; importable: `checkWeapp()` returns the figures (used by the benchmark).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import appConfig from './app-config.cjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'weapp');
export const MAIN_BUDGET_KB = 600;
// WeChat's limit per subpackage (2 MB), e.g. the dashboard's chart library must fit in packages/dashboard.
const SUBPACKAGE_LIMIT_KB = 2048;
// DevTools project settings copied next to the package; WeChat does not upload them as code.
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json']);
// Strings only local builds may contain (dev-login page and the local cloud's test-only routes).
const LOCAL_ONLY_MARKERS = ['dev-login', '/internal/'];

export function buildWeappProduction() {
  const env = { ...process.env, TARO_APP_LOCAL: 'false', NODE_ENV: 'production', FORCE_COLOR: '0' };
  const res = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, env, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`taro build --type weapp failed (exit ${res.status})`);
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/**
 * WeChat's WXML compiler (wcc) and WXSS compiler (wcsc) over every .wxml/.wxs/.wxss of the build, as
 * DevTools compiles them: a template or style WeChat cannot compile fails here, not on upload.
 */
function compileWithWeChat() {
  const compiler = createRequire(import.meta.url)('miniprogram-compiler');
  const problems = [];
  for (const [what, run] of [
    ['WXML (wcc)', () => compiler.wxmlToJs(DIST, { maxBuffer: 256 * 1024 * 1024 })],
    ['WXSS (wcsc)', () => compiler.wxssToJs(DIST, { maxBuffer: 256 * 1024 * 1024 })],
  ]) {
    try {
      const js = run();
      if (typeof js !== 'string' || js.length === 0) problems.push(`${what} produced nothing`);
    } catch (e) {
      problems.push(`${what} refused the build: ${String(e instanceof Error ? e.message : e).slice(0, 500)}`);
    }
  }
  return problems;
}

/** Taro's runtime (its own document/window for the logic thread) and webpack's bootstrap may name them. */
const TARO_RUNTIME = new Set(['taro.js', 'runtime.js']);
/** Browser globals the mini-program's logic thread does not have; `typeof X` feature checks are fine. */
const DOM_BOM = /(?<![\w$.'"`])(?<!typeof )(window|document|localStorage|sessionStorage|XMLHttpRequest|fetch|FileReader|navigator|location|history|requestAnimationFrame|getComputedStyle|HTMLElement|MutationObserver)(?![\w$'"`:])/g;

function domApiUses(files) {
  const problems = [];
  for (const file of files) {
    const rel = path.relative(DIST, file).split(path.sep).join('/');
    if (!rel.endsWith('.js') || TARO_RUNTIME.has(rel)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(DOM_BOM)) {
      // A use right behind its own `typeof` test (`"undefined"!=typeof requestAnimationFrame?requestAnimationFrame:…`,
      // as u-charts.js falls back after setTimeout) never runs where the global is missing.
      if (text.slice(Math.max(0, m.index - 80), m.index).includes(`typeof ${m[1]}`)) continue;
      problems.push(`${rel} uses ${m[1]} outside Taro's runtime: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
    }
  }
  return problems;
}

/** The weapp smoke test; its JSON report joins the others so `npm test` counts its tests. */
export function runSmokeTest(reportFile) {
  // --forceExit: a mounted patrol page keeps its elapsed-time ticker and location listener running (the
  // simulator never unloads pages), which would hold jest open after the last test.
  const args = ['jest', '--selectProjects', 'weapp', '--maxWorkers=1', '--forceExit', ...(reportFile ? ['--json', `--outputFile=${reportFile}`] : [])];
  const res = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return res.status === 0;
}

export async function checkWeapp({ build = true } = {}) {
  if (build) buildWeappProduction();
  const problems = [];
  const appJsonPath = path.join(DIST, 'app.json');
  if (!existsSync(appJsonPath)) throw new Error(`${appJsonPath} missing: the weapp build produced nothing`);
  const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
  // src/app.config.ts as a production build sees it: the one reading the local cloud's wx-openapi uses too.
  const source = appConfig.readAppConfig(ROOT);

  for (const page of source.pages) {
    if (!appJson.pages?.includes(page)) problems.push(`app.json lacks main page ${page}`);
    if (!existsSync(path.join(DIST, `${page}.js`))) problems.push(`${page}.js was not built`);
  }
  const builtSubs = new Map((appJson.subPackages ?? appJson.subpackages ?? []).map((s) => [s.root, s]));
  for (const sub of source.subPackages) {
    const built = builtSubs.get(sub.root);
    if (!built) problems.push(`app.json lacks subpackage ${sub.root}`);
    for (const page of sub.pages) {
      if (built && !built.pages.includes(page)) problems.push(`app.json lacks ${sub.root}/${page}`);
      if (!existsSync(path.join(DIST, sub.root, `${page}.js`))) problems.push(`${sub.root}/${page}.js was not built`);
    }
  }

  const roots = source.subPackages.map((s) => s.root);
  const sizes = { main: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) };
  for (const file of listFiles(DIST)) {
    const rel = path.relative(DIST, file).split(path.sep).join('/');
    if (NOT_SHIPPED.has(rel)) continue;
    const bytes = statSync(file).size;
    const root = roots.find((r) => rel.startsWith(`${r}/`));
    sizes[root ?? 'main'] += bytes;
    const text = readFileSync(file, 'utf8');
    for (const marker of LOCAL_ONLY_MARKERS) {
      if (text.includes(marker)) problems.push(`${rel} contains local-only "${marker}"`);
    }
  }

  problems.push(...compileWithWeChat());
  problems.push(...domApiUses(listFiles(DIST)));

  const mainKB = kb(sizes.main);
  if (mainKB > MAIN_BUDGET_KB) problems.push(`main package ${mainKB} KB exceeds ${MAIN_BUDGET_KB} KB`);
  for (const root of roots) if (kb(sizes[root]) > SUBPACKAGE_LIMIT_KB) problems.push(`subpackage ${root} ${kb(sizes[root])} KB exceeds WeChat's ${SUBPACKAGE_LIMIT_KB} KB`);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  return {
    mainKB,
    subpackages: roots.map((root) => ({ root, kb: kb(sizes[root]) })),
    totalKB: kb(total),
    budgetKB: MAIN_BUDGET_KB,
    problems,
  };
}

export function printWeappTable(figures) {
  const rows = [['main package', figures.mainKB], ...figures.subpackages.map((s) => [s.root, s.kb]), ['total', figures.totalKB]];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'package'.padEnd(width)}  KB`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value.toFixed(1).padStart(7)}`);
  console.log(`(main budget ${figures.budgetKB} KB)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const started = Date.now();
    const figures = await checkWeapp({ build: !process.argv.includes('--no-build') });
    const checked = Date.now();
    printWeappTable(figures);
    if (figures.problems.length > 0) {
      console.error(`weapp check FAILED:\n  ${figures.problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`weapp build + checks: ${((checked - started) / 1000).toFixed(1)} s`);
    if (!process.argv.includes('--no-smoke')) {
      const ok = runSmokeTest(process.env.WEAPP_TEST_REPORT);
      console.log(`weapp smoke test (miniprogram-simulate): ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - checked) / 1000).toFixed(1)} s`);
      if (!ok) process.exit(1);
    }
    console.log('weapp check passed');
  } catch (e) {
    console.error(`weapp check FAILED: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
