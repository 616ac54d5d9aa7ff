// `npm test`: everything CI runs, in order, stopping at the first red stage.
// Each jest stage writes a JSON report so the closing line counts real tests, not stages.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const reportDir = '.tmp/test-reports';
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const jest = (project) => ['npx', ['jest', '--selectProjects', project, '--json', `--outputFile=${reportDir}/${project}.json`]];
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
];

let failedStage = null;
for (const [name, [cmd, args]] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', WEAPP_TEST_REPORT: `${reportDir}/weapp.json` } });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (run.status !== 0) {
    failedStage = name;
    break;
  }
}

let passed = 0;
let failed = 0;
for (const project of ['unit', 'integration', 'vendor', 'weapp', 'e2e']) {
  const file = `${reportDir}/${project}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (failedStage) console.log(`\nstopped at: ${failedStage}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStage ? 1 : 0);
