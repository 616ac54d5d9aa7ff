import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import NodeEnvironment from 'jest-environment-node';
import { startLocalCloud, type LocalCloud } from '../../local-cloud/core/server';
import { AdminApiService } from '../../local-cloud/services/admin-api';
import { DatabaseService } from '../../local-cloud/services/database';
import { VENDOR_CLOUD_KEYS_KEY, VENDOR_CLOUD_URL_KEY } from './vendor-cloud-key';

const VENDOR_TIME_ZONE = 'Asia/Shanghai';

/**
 * One fresh local cloud per vendor test file, started before the file is loaded: their files call
 * `tcb.init(Config)` while jest collects tests, so the address must exist before any hook runs.
 * The cloud runs in this worker process; the SDK inside the test reaches it over HTTP, as in production.
 */
export default class VendorCloudEnvironment extends NodeEnvironment {
  private cloud: LocalCloud | null = null;
  private dataDir: string | null = null;
  private previousTz: string | undefined;

  async setup(): Promise<void> {
    await super.setup();
    // Their expectations were written in China: `new Date('1999/12/12')` is local midnight in UTC+8
    // (command.test.ts expects '1999-12-11' in UTC and '00:00:00' in Asia/Shanghai). Restored after.
    this.previousTz = process.env.TZ;
    process.env.TZ = VENDOR_TIME_ZONE;
    this.dataDir = mkdtempSync(join(tmpdir(), 'gridlink-vendor-'));
    this.cloud = await startLocalCloud({ dataDir: this.dataDir, mode: 'test', services: [new DatabaseService(), new AdminApiService()] });
    this.global[VENDOR_CLOUD_URL_KEY] = this.cloud.baseUrl;
    this.global[VENDOR_CLOUD_KEYS_KEY] = { ...this.cloud.adminKeys };
  }

  async teardown(): Promise<void> {
    await this.cloud?.stop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    if (this.previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousTz;
    await super.teardown();
  }
}
