#!/usr/bin/env node
/**
 * `npm start`: build the function bundles, build the H5 app when it is missing or older than src/,
 * then run the local cloud in dev mode on PORT (8787) with data in .local-cloud/, seeding the demo street
 * on first start.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFunctions } from './build-functions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const h5Dir = join(root, 'dist', 'h5');

/** Newest modification time under a folder (the app's sources and build config). */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function h5IsStale() {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'config')));
  return sources > statSync(index).mtimeMs;
}

await buildFunctions();

if (process.env.GRIDLINK_SKIP_H5 === 'true') {
  console.log('skipping the H5 build (GRIDLINK_SKIP_H5=true)');
} else if (h5IsStale()) {
  console.log('building the H5 app (taro build --type h5)…');
  // TARO_APP_LOCAL makes the app call the local cloud over HTTP instead of wx.cloud.
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, TARO_APP_LOCAL: 'true' } });
  if (result.status !== 0) {
    console.error('H5 build failed; starting anyway — the app page will say it is not built.');
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'local-cloud', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: process.env.PORT ?? '8787',
    GRIDLINK_MODE: process.env.GRIDLINK_MODE ?? 'dev',
    GRIDLINK_DATA_DIR: process.env.GRIDLINK_DATA_DIR ?? join(root, '.local-cloud'),
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
