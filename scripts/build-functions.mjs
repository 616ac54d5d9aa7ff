#!/usr/bin/env node
/**
 * Builds one self-contained CommonJS bundle per cloudfunctions/<name>/ (except _lib) into
 * dist/functions/<name>/: index.js (SDK and zod bundled in, so CloudBase needs no npm install),
 * config.json (triggers, permissions) and a minimal package.json. The local cloud runs exactly these.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'cloudfunctions');
const outDir = join(root, 'dist', 'functions');

// CloudBase's oldest Node runtime still offered is 16.13 (docs.cloudbase.net/cloud-function/runtime-support);
// targeting it keeps a bundle deployable whichever runtime the environment picks.
const TARGET = 'node16';

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
  await build({
    entryPoints: [join(sourceDir, name, 'index.ts')],
    outfile: join(target, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    loader: { '.ttf': 'file' }, // fonts (board poster) ship beside index.js, not inlined as base64
    logLevel: 'error',
  });
  // DevTools uploads config.json as it is and knows only `triggers` and `permissions`; the source's
  // timeout/memorySize/limitsReason reach CloudBase through cloudbaserc.json (deploy/sync-cloudbaserc.mjs).
  const config = join(sourceDir, name, 'config.json');
  const source = existsSync(config) ? JSON.parse(readFileSync(config, 'utf8')) : {};
  const shipped = Object.fromEntries(['triggers', 'permissions'].filter((k) => k in source).map((k) => [k, source[k]]));
  writeFileSync(join(target, 'config.json'), `${JSON.stringify(shipped, null, 2)}\n`);
  const pkg = { name, version: '1.0.0', private: true, main: 'index.js', description: `网格通 cloud function ${name} (bundled)` };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildFunctions().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
