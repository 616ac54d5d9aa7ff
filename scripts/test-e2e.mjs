// E2E: build the function bundles and the H5 app in local mode, then run the browser suites (each starts its own local cloud).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`E2E needs Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  process.exit(1);
}

const env = { ...process.env, TARO_APP_LOCAL: 'true', NODE_ENV: 'production', FORCE_COLOR: '0' };
for (const [cmd, args] of [
  ['node', ['scripts/build-functions.mjs']],
  ['npx', ['taro', 'build', '--type', 'h5']],
]) {
  const build = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

mkdirSync('.tmp/test-reports', { recursive: true });
const run = spawnSync('npx', ['jest', '--selectProjects', 'e2e', '--runInBand', '--json', '--outputFile=.tmp/test-reports/e2e.json'], {
  stdio: 'inherit',
  env,
});
process.exit(run.status ?? 1);
