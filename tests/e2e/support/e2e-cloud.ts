import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { startFullLocalCloud } from '../../../local-cloud/main';
import { testNowMs } from '../../support/test-now';
import { launchChromium, pinBrowserClocksTo } from './browser';

type FullCloud = Awaited<ReturnType<typeof startFullLocalCloud>>;

/**
 * One fresh local cloud (test mode, demo seed, built H5 from dist/h5) and one Chromium per E2E file.
 * `scripts/test-e2e.mjs` builds dist/h5 and dist/functions before jest runs.
 */
export function useE2eCloud(): { readonly cloud: FullCloud; readonly browser: Browser } {
  let cloud: FullCloud | undefined;
  let browser: Browser | undefined;
  let dataDir = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gridlink-e2e-'));
    cloud = await startFullLocalCloud({
      port: 0,
      dataDir,
      mode: 'test',
      seed: true,
      timers: false,
      h5Dir: resolve('dist/h5'),
      functionsDir: resolve('dist/functions'),
      startAt: testNowMs(),
    });
    browser = await launchChromium();
    // Every page this file opens runs on the cloud's clock, so pages and functions agree on "now".
    pinBrowserClocksTo(cloud.baseUrl);
  });

  afterAll(async () => {
    pinBrowserClocksTo(undefined);
    await browser?.close();
    await cloud?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get cloud() {
      if (!cloud) throw new Error('the E2E cloud is not started: use it inside a test');
      return cloud;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started: use it inside a test');
      return browser;
    },
  };
}
