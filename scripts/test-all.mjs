// `npm test`: everything CI runs, in order, stopping at the first red stage.
// Each jest stage writes a JSON report so the closing line counts real tests, not stages.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const reportDir = '.tmp/test-reports';
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const jest = (project, report = project) => ['npx', ['jest', '--selectProjects', project, '--json', `--outputFile=${reportDir}/${report}.json`]];
// Issue 12 item 4: the suite must pass on any date, so CI runs the stages that use "now" a second time
// with the local cloud's clock (and the browsers pinned to it) started at a hard date: New Year's Eve,
// the last minutes of a month, and tomorrow a 元旦 of a year the bundled holiday table does not know.
// GRIDLINK_TEST_NOW is read by tests/support/test-now.ts; unit tests are pure and take no "now".
// Override with GRIDLINK_CI_DATE (any of HARD_DATES there), or GRIDLINK_CI_DATE=none to skip;
// `npm run test:dates` runs them at every hard date.
const ciDate = process.env.GRIDLINK_CI_DATE ?? '2026-12-31T23:50:00+08:00';
const atDate = ciDate === 'none' ? {} : { GRIDLINK_TEST_NOW: ciDate };
const DATE_SENSITIVE_E2E = JSON.parse(readFileSync('tests/support/date-sensitive-e2e.json', 'utf8')).files;
const e2eEnv = { TARO_APP_LOCAL: 'true', NODE_ENV: 'production' };
const stages = [
  ['lockfile installs with npm ci', ['node', ['scripts/lock-placeholders.mjs', '--check']]],
  ['type check', ['npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']]],
  ['unit tests', jest('unit')],
  ['function bundles', ['node', ['scripts/build-functions.mjs']]],
  ['integration tests', jest('integration')],
  // @cloudbase/node-sdk's own database tests (npm 2.9.0) against the local cloud; see docs/local-cloud.md.
  ['SDK vendor database tests', jest('vendor')],
  // Build, WeChat's WXML/WXSS compilers, DOM/BOM scan, then the weapp smoke test (jest project `weapp`).
  ['weapp build check + smoke test', ['node', ['scripts/check-weapp.mjs']]],
  ['e2e (H5 in Chromium)', ['node', ['scripts/test-e2e.mjs']]],
  ...(ciDate === 'none'
    ? []
    : [
        // Left out at the date, to keep CI inside 45 minutes: the crash walks (atomicity at every write
        // point), the contract fuzz (bad input refused), the access matrix (who may do what) and the local
        // cloud's CloudBase contract tests (tests/contract: query, index, transaction and time-limit
        // semantics) test what no calendar date changes. They run once above, and at every hard date in
        // `npm run test:dates`.
        [`integration tests at ${ciDate}`, ['npx', [...jest('integration', 'integration-at-date')[1], '--testPathIgnorePatterns', 'crash-walk', 'contract-fuzz', 'access-matrix', '/tests/contract/']], atDate],
        // The H5 app and bundles the e2e stage just built are reused. Only the journeys whose pages compute
        // dates (deadlines, this month's points, activity days) run again, to keep CI inside its time.
        [
          `e2e at ${ciDate} (date-sensitive journeys)`,
          ['npx', ['jest', ...DATE_SENSITIVE_E2E, '--selectProjects', 'e2e', '--runInBand', '--json', `--outputFile=${reportDir}/e2e-at-date.json`]],
          { ...atDate, ...e2eEnv },
        ],
      ]),
];

let failedStage = null;
for (const [name, [cmd, args], extraEnv = {}] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', WEAPP_TEST_REPORT: `${reportDir}/weapp.json`, ...extraEnv } });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (run.status !== 0) {
    failedStage = name;
    break;
  }
}

let passed = 0;
let failed = 0;
for (const project of ['unit', 'integration', 'vendor', 'weapp', 'e2e', 'integration-at-date', 'e2e-at-date']) {
  const file = `${reportDir}/${project}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (failedStage) console.log(`\nstopped at: ${failedStage}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStage ? 1 : 0);
