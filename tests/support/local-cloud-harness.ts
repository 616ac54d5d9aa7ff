import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startLocalCloud, type LocalCloud } from '../../local-cloud/core/server';
import type { LocalCloudService } from '../../local-cloud/core/service';
import { AdminApiService } from '../../local-cloud/services/admin-api';
import { DatabaseService } from '../../local-cloud/services/database';
import { StorageService } from '../../local-cloud/services/storage';
import { ensureDeclaredCollections } from '../../local-cloud/indexes';
import { LOCAL_ENV_ID, localApp } from '../../local-cloud/local-sdk';
import { testNowMs } from './test-now';

export const TEST_ENV_ID = LOCAL_ENV_ID;

export type CloudBaseApp = ReturnType<typeof tcb.init>;
export type CloudBaseDb = ReturnType<CloudBaseApp['database']>;

export interface TestCloudOptions {
  /** Started after database, storage and admin-api, in the order given. */
  extraServices?: LocalCloudService[];
  /** 'test' (default) mounts the /internal controls; 'serve' proves they are absent. */
  mode?: 'test' | 'serve';
  /** Reuse a folder (durability tests); by default a fresh temp folder, removed on stop. */
  dataDir?: string;
  /** Let the admin API accept requests without the SDK's signature (raw-request contract tests only). */
  unsignedAdmin?: boolean;
  /**
   * Collections to create besides deploy/collections.json's (which every test cloud has, as a deployed
   * environment does): CloudBase answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created.
   */
  collections?: string[];
}

export interface TestCloud {
  cloud: LocalCloud;
  /** A real @cloudbase/node-sdk app pointed at the local cloud — the same calls production makes. */
  app: CloudBaseApp;
  db: CloudBaseDb;
  database: DatabaseService;
  dataDir: string;
  /** Wipes every service's state (documents, files, stats) without restarting. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** The SDK app every function and test uses against a local cloud at `baseUrl`. */
/** The same SDK initialisation the local cloud's own tooling uses (local-cloud/local-sdk.ts). */
export function sdkAppFor(baseUrl: string): CloudBaseApp {
  return localApp(baseUrl);
}

export async function startTestCloud(opts: TestCloudOptions = {}): Promise<TestCloud> {
  const ownsDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'gridlink-cloud-'));
  const database = new DatabaseService();
  ensureDeclaredCollections(database);
  for (const name of opts.collections ?? []) database.ensureCollection(name);
  const services: LocalCloudService[] = [database, new StorageService(), new AdminApiService(), ...(opts.extraServices ?? [])];
  const cloud = await startLocalCloud({ dataDir, mode: opts.mode ?? 'test', services, unsignedAdmin: opts.unsignedAdmin });
  // GRIDLINK_TEST_NOW: the clock starts (and every reset returns) there instead of real time.
  const startAt = testNowMs();
  if (startAt !== undefined) cloud.clock.startAt(startAt);
  const app = sdkAppFor(cloud.baseUrl);
  return {
    cloud,
    app,
    db: app.database(),
    database,
    dataDir,
    reset: async () => {
      for (const service of services) await service.reset?.();
      cloud.clock.reset();
    },
    stop: async () => {
      await cloud.stop();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For jest suites: one local cloud per file (beforeAll), clean state before each test, stopped after.
 * Read the fields inside tests or hooks, not at module load — they exist once beforeAll ran.
 */
export function useTestCloud(opts: TestCloudOptions = {}): TestCloud {
  let current: TestCloud | null = null;
  const need = (): TestCloud => {
    if (!current) throw new Error('useTestCloud: the local cloud is not started yet (use it inside tests or hooks)');
    return current;
  };
  beforeAll(async () => {
    current = await startTestCloud(opts);
  });
  beforeEach(async () => {
    await need().reset();
  });
  afterAll(async () => {
    await current?.stop();
    current = null;
  });
  return {
    get cloud() {
      return need().cloud;
    },
    get app() {
      return need().app;
    },
    get db() {
      return need().db;
    },
    get database() {
      return need().database;
    },
    get dataDir() {
      return need().dataDir;
    },
    reset: () => need().reset(),
    stop: () => need().stop(),
  };
}
