import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureBundles } from './bundles';

/** The bundle ratio is measured beside the bare SDK, so a load that drifts during the run cancels out. */
describe('measureBundles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gridlink-bundles-'));
    for (const name of ['heavy', 'light']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.js'), 'x'.repeat(2048));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('ratios follow the bundles, not a load that falls from 3× to 1× during the run', () => {
    // Intrinsic costs: bare SDK 100 ms, heavy 150 ms, light 110 ms; every process pays the current load.
    const intrinsic = (file: string) => (file.includes(`${dir}/heavy`) ? 150 : file.includes(`${dir}/light`) ? 110 : 100);
    let calls = 0;
    const coldRequire = (file: string) => {
      const load = 3 - (2 * calls++) / 21; // 22 processes in all: load 3 first, 1 last
      return intrinsic(file) * load;
    };
    const run = measureBundles(dir, ['heavy', 'light'], coldRequire);
    expect(calls).toBe(22);
    const [heavy, light] = run.bundles;
    expect(heavy).toMatchObject({ name: 'heavy', sizeKB: 2 });
    expect(heavy.vsBareSdk).toBeCloseTo(1.5, 1);
    expect(light.vsBareSdk).toBeCloseTo(1.1, 1);
    // Measured once up front instead, the floor would be 300 ms and light would read ~0.5×.
    expect(light.bareSdkMs).toBeLessThan(heavy.bareSdkMs);
  });
});
