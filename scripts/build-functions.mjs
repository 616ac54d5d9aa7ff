#!/usr/bin/env node
/**
 * Builds one self-contained CommonJS bundle per cloudfunctions/<name>/ (except _lib) into
 * dist/functions/<name>/: index.js (SDK and zod bundled in, so CloudBase needs no npm install),
 * vendor/<library>.js for each heavy library the function loads on first use (LAZY_LIBRARIES),
 * config.json (triggers, permissions) and a minimal package.json. The local cloud runs exactly these.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'cloudfunctions');
const outDir = join(root, 'dist', 'functions');

// CloudBase's oldest Node runtime still offered is 16.13 (docs.cloudbase.net/cloud-function/runtime-support);
// targeting it keeps a bundle deployable whichever runtime the environment picks.
const TARGET = 'node16';

/**
 * Heavy libraries that only some actions use (issue 13 item 2: cold require ≤ 1.2× the bare SDK). The
 * source loads them inside those actions (`await import('exceljs')`, `require('pdfkit')` in a function);
 * here each becomes its own file, dist/functions/<name>/vendor/<library>.js, required from index.js on that
 * first use. Kept inside index.js, even unevaluated, V8 would still read and pre-parse their ~1 MB
 * (exceljs with jszip/unzipper/archiver; pdfkit with fontkit and brotli) at every cold start.
 * Why each one is heavy, minified: exceljs ≈ 1 MB with its zip libraries, pdfkit ≈ 1 MB with fontkit and brotli.
 */
export const LAZY_LIBRARIES = ['exceljs', 'pdfkit'];
const LAZY_FILTER = new RegExp(`^(${LAZY_LIBRARIES.join('|')})$`);

/** Resolves a lazy library to its vendor file beside index.js instead of bundling it in. */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    b.onResolve({ filter: LAZY_FILTER }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: TARGET,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'error',
  // `import()` of a vendor file compiles to `require()` (a native dynamic import would bypass the
  // CommonJS loader the local cloud and jest run the bundles through).
  supported: { 'dynamic-import': false },
};

export function functionNames() {
  return readdirSync(sourceDir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => existsSync(join(sourceDir, name, 'index.ts')));
}

export async function buildFunctions({ quiet = false } = {}) {
  const started = Date.now();
  const names = functionNames();
  await Promise.all(names.map((name) => buildOne(name)));
  if (!quiet) {
    for (const name of names) {
      const size = statSync(join(outDir, name, 'index.js')).size;
      console.log(`  ${name.padEnd(20)} ${(size / 1024).toFixed(0).padStart(6)} KB`);
    }
    console.log(`built ${names.length} function bundle(s) in ${Date.now() - started} ms → ${outDir}`);
  }
  return names;
}

async function buildOne(name) {
  const target = join(outDir, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const { metafile } = await build({
    ...COMMON,
    entryPoints: [join(sourceDir, name, 'index.ts')],
    outfile: join(target, 'index.js'),
    loader: { '.ttf': 'file' }, // fonts (board poster) ship beside index.js, not inlined as base64
    plugins: [lazyLibraries],
    metafile: true,
  });
  // What went into index.js, for `npx esbuild --analyze`-style reading (dist/meta is not deployed).
  mkdirSync(join(root, 'dist', 'meta'), { recursive: true });
  writeFileSync(join(root, 'dist', 'meta', `${name}.json`), JSON.stringify(metafile));
  for (const library of lazyLibrariesOf(metafile)) {
    mkdirSync(join(target, 'vendor'), { recursive: true });
    copyFileSync(await vendorBundle(library), join(target, 'vendor', `${library}.js`));
  }
  // DevTools uploads config.json as it is and knows only `triggers` and `permissions`; the source's
  // timeout/memorySize/limitsReason reach CloudBase through cloudbaserc.json (deploy/sync-cloudbaserc.mjs).
  const config = join(sourceDir, name, 'config.json');
  const source = existsSync(config) ? JSON.parse(readFileSync(config, 'utf8')) : {};
  const shipped = Object.fromEntries(['triggers', 'permissions'].filter((k) => k in source).map((k) => [k, source[k]]));
  writeFileSync(join(target, 'config.json'), `${JSON.stringify(shipped, null, 2)}\n`);
  const pkg = { name, version: '1.0.0', private: true, main: 'index.js', description: `网格通 cloud function ${name} (bundled)` };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

const vendorBuilds = new Map();

/** dist/vendor/<library>.js, built once per build run and copied into each function that uses it. */
function vendorBundle(library) {
  if (!vendorBuilds.has(library)) {
    const outfile = join(root, 'dist', 'vendor', `${library}.js`);
    vendorBuilds.set(
      library,
      build({
        ...COMMON,
        // `require`: the library's CommonJS build, as the source's own `require('pdfkit')` picks it.
        stdin: { contents: `module.exports = require(${JSON.stringify(library)});`, resolveDir: root, sourcefile: `vendor-${library}.js` },
        outfile,
      }).then(() => outfile),
    );
  }
  return vendorBuilds.get(library);
}

/** The lazy libraries this bundle requires (the externals the plugin made), so only those get a vendor file. */
function lazyLibrariesOf(metafile) {
  const used = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      const library = /^\.\/vendor\/(.+)\.js$/.exec(imported.path)?.[1];
      if (imported.external && library && LAZY_LIBRARIES.includes(library)) used.add(library);
    }
  }
  return [...used];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildFunctions().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
