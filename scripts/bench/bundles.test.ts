import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldRequireOnce, measureBundles, type ColdSample } from './bundles';

/** The bundle ratio is measured beside the bare SDK, so a load that drifts during the run cancels out. */
describe('measureBundles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gridlink-bundles-'));
    for (const name of ['heavy', 'light']) {
      mkdirSync(join(dir, name, 'vendor'), { recursive: true });
      writeFileSync(join(dir, name, 'index.js'), 'x'.repeat(2048));
      writeFileSync(join(dir, name, 'vendor', 'lib.js'), 'y'.repeat(1024));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('ratios follow the bundles, not a load that falls from 3× to 1× during the run', () => {
    // Intrinsic costs: bare SDK 100 ms, heavy 150 ms, light 110 ms; every process pays the current load.
    const intrinsic = (file: string) => (file.includes(`${dir}/heavy`) ? 150 : file.includes(`${dir}/light`) ? 110 : 100);
    const files: string[] = [];
    const coldRequire = (file: string): ColdSample => {
      const load = 3 - (2 * files.length) / 24; // 25 processes in all: load 3 first, 1 last
      files.push(file);
      return { wallMs: intrinsic(file) * load * 1.5, cpuMs: intrinsic(file) * load, files: 1 };
    };
    const run = measureBundles(dir, ['heavy', 'light'], { rounds: 5, coldRequire });
    // 5 rounds of bare, bundle, bare, bundle, bare; the second round starts with light.
    expect(files).toHaveLength(25);
    const label = (f: string) => (f.startsWith(dir) ? f.slice(dir.length + 1).split('/')[0] : 'sdk');
    expect(files.slice(0, 10).map(label)).toEqual(['sdk', 'heavy', 'sdk', 'light', 'sdk', 'sdk', 'light', 'sdk', 'heavy', 'sdk']);
    const [heavy, light] = run.bundles;
    expect(heavy).toMatchObject({ name: 'heavy', entryKB: 2, packageKB: 3, filesAtColdStart: 1 });
    expect(heavy.vsBareSdk).toBeCloseTo(1.5, 2);
    expect(light.vsBareSdk).toBeCloseTo(1.1, 2);
    expect(heavy.vsBareSdkWall).toBeCloseTo(1.5, 2);
    // Measured once up front instead, the floor would be 300 ms and light would read ~0.5×.
    expect(run.rounds).toBe(5);
    expect(run.load.cores).toBeGreaterThan(0);
  });

  test('a fresh process says which files of the bundle folder a cold require loaded', () => {
    // lazy: requires its vendor file inside a function; eager: at load, as a top-level import would.
    writeFileSync(join(dir, 'light', 'index.js'), "exports.run = () => require('./vendor/lib.js');");
    writeFileSync(join(dir, 'light', 'vendor', 'lib.js'), 'module.exports = 1;');
    writeFileSync(join(dir, 'heavy', 'index.js'), "const lib = require('./vendor/lib.js'); exports.run = () => lib;");
    writeFileSync(join(dir, 'heavy', 'vendor', 'lib.js'), 'module.exports = 1;');
    const lazy = coldRequireOnce(join(dir, 'light', 'index.js'));
    const eager = coldRequireOnce(join(dir, 'heavy', 'index.js'));
    expect(lazy.files).toBe(1);
    expect(eager.files).toBe(2);
    expect(lazy.cpuMs).toBeGreaterThan(0);
    expect(lazy.wallMs).toBeGreaterThan(0);
  });
});
