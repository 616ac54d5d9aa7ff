import { join, resolve } from 'node:path';
import { startLocalCloud, type LocalCloud } from './core/server';
import type { LocalCloudMode, LocalCloudService } from './core/service';
import { AdminApiService } from './services/admin-api';
import { ClockControlService } from './services/clock';
import { CrashControlService } from './services/crash';
import { DatabaseService } from './services/database';
import { ensureDeclaredCollections, ensureDeclaredIndexes } from './indexes';
import { FunctionsService } from './services/functions';
import { OutboxViewService } from './services/outbox-view';
import { SessionsService } from './services/sessions';
import { StaticAppService } from './services/static';
import { StorageService } from './services/storage';
import { TimersService } from './services/timers';
import { gridBoardUrl, WxOpenApiService } from './services/wx-openapi';
import { seedDemoData } from '../scripts/seed/load';
import { demoAccounts, gridId } from '../scripts/seed/demo-data';

const ROOT = resolve(__dirname, '..');

export interface FullLocalCloudOptions {
  port?: number;
  host?: string;
  dataDir: string;
  mode: LocalCloudMode;
  /** The built H5 app; default dist/h5. */
  h5Dir?: string;
  /** The built function bundles; default dist/functions. */
  functionsDir?: string;
  /** Write the demo street when the database has none. */
  seed?: boolean;
  /** Run timer triggers on schedule; default true. */
  timers?: boolean;
  /** Start the clock at this instant (epoch ms) instead of real time, before seeding (GRIDLINK_TEST_NOW). */
  startAt?: number;
}

/** Every service in start order: storage of data first, then what calls into it. */
export function fullServices(options: Pick<FullLocalCloudOptions, 'h5Dir' | 'functionsDir' | 'timers'>): LocalCloudService[] {
  const database = new DatabaseService();
  // The collections and hot-query indexes CloudBase gets from deploy/collections.json, declared here too.
  ensureDeclaredCollections(database);
  ensureDeclaredIndexes(database);
  return [
    database,
    new StorageService(),
    new AdminApiService(),
    new WxOpenApiService(),
    new OutboxViewService(),
    new SessionsService(),
    new FunctionsService({ functionsDir: options.functionsDir ?? join(ROOT, 'dist', 'functions') }),
    new TimersService({ enabled: options.timers ?? true }),
    new ClockControlService(),
    new CrashControlService(),
    new StaticAppService(options.h5Dir ?? join(ROOT, 'dist', 'h5')),
  ];
}

export async function startFullLocalCloud(options: FullLocalCloudOptions): Promise<LocalCloud & { seeded: boolean }> {
  const cloud = await startLocalCloud({
    port: options.port,
    host: options.host,
    dataDir: options.dataDir,
    mode: options.mode,
    services: fullServices(options),
  });
  if (options.startAt !== undefined) cloud.clock.startAt(options.startAt);
  let seeded = false;
  if (options.seed) {
    try {
      seeded = (await seedDemoData(cloud.baseUrl, new Date(cloud.clock.now()))).seeded;
    } catch (err) {
      await cloud.stop();
      throw err;
    }
  }
  return Object.assign(cloud, { seeded });
}

/** URL of a grid's public board in the H5 app; shared with the wx-openapi service that encodes it in QR codes. */
export { gridBoardUrl };

async function runCli(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const mode = (process.env.GRIDLINK_MODE ?? 'dev') as LocalCloudMode;
  const dataDir = resolve(process.env.GRIDLINK_DATA_DIR ?? join(ROOT, '.local-cloud'));
  // Loopback by default: the dev logins and test controls must not be reachable from the network.
  const host = process.env.HOST ?? '127.0.0.1';
  const cloud = await startFullLocalCloud({ port, host, dataDir, mode, seed: process.env.GRIDLINK_SEED !== 'false' });
  const { buildDemoData } = await import('../scripts/seed/demo-data');
  const board = gridBoardUrl(cloud.baseUrl, gridId('A1'));
  console.log(`\n网格通 local cloud (${mode}) — ${cloud.baseUrl}`);
  console.log(`data: ${dataDir}${cloud.seeded ? '  (demo street seeded)' : ''}\n`);
  if (mode !== 'serve') {
    console.log('Demo accounts (dev login: POST /internal/login {"userId": …} or the app\'s login page):');
    console.table(demoAccounts(buildDemoData(new Date())));
  }
  console.log(`\nGrid A1 board: ${board}`);
  const qrcode = (await import('qrcode-terminal')).default;
  qrcode.generate(board, { small: true });
  const shutdown = () => {
    cloud.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (require.main === module) {
  runCli().catch((err) => {
    console.error('[local-cloud] failed to start:', err);
    process.exit(1);
  });
}
