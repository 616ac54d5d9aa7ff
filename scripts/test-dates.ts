// `npm run test:dates`: the integration suite and the date-sensitive E2E journeys at every hard date of
// tests/support/test-now.ts (issue 12 item 4), one after another; CI runs one of them (scripts/test-all.mjs).
// Builds the function bundles and the local H5 app once first.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { HARD_DATES, TEST_NOW_ENV } from '../tests/support/test-now';

const e2eFiles: string[] = JSON.parse(readFileSync('tests/support/date-sensitive-e2e.json', 'utf8')).files;
const base: Record<string, string | undefined> = { ...process.env, TARO_APP_LOCAL: 'true', NODE_ENV: 'production', FORCE_COLOR: '0' };
const run = (cmd: string, args: string[], env: Record<string, string | undefined> = base) => spawnSync(cmd, args, { stdio: 'inherit', env: env as NodeJS.ProcessEnv }).status === 0;

if (!run('node', ['scripts/build-functions.mjs']) || !run('npx', ['taro', 'build', '--type', 'h5'])) process.exit(1);
const failed: string[] = [];
for (const [at, why] of Object.entries(HARD_DATES)) {
  console.log(`\n=== ${at}: ${why} ===`);
  const env = { ...base, [TEST_NOW_ENV]: at };
  if (!run('npx', ['jest', '--selectProjects', 'integration'], env)) failed.push(`integration at ${at}`);
  if (!run('npx', ['jest', ...e2eFiles, '--selectProjects', 'e2e', '--runInBand'], env)) failed.push(`e2e at ${at}`);
}
console.log(failed.length === 0 ? '\nAll hard dates green.' : `\nFAILED: ${failed.join('; ')}`);
process.exit(failed.length === 0 ? 0 : 1);
