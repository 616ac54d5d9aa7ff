import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdminKeys } from './admin-keys';
import type { Clock } from './clock';

/** What every emulated service gets from the registry when it starts. */
export interface ServiceContext {
  /** Folder for this run's durable files (SQLite database, uploaded files). */
  dataDir: string;
  /** Base URL of the local cloud, e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  /** dev/test mode enables the test controls under /internal; never on otherwise. */
  mode: LocalCloudMode;
  clock: Clock;
  /** The admin API's key pair (data dir `admin-keys.json`); functions get it as TENCENTCLOUD_SECRETID/SECRETKEY. */
  adminKeys: AdminKeys;
  /** The functions' environment variables (data dir `function-env.json`), as CloudBase keeps per function. */
  functionEnv: Record<string, string>;
  /** Only a test-mode cloud started with `unsignedAdmin` skips the admin API's signature check. */
  acceptUnsignedAdmin: boolean;
  /** Services started earlier, by name (database before storage before functions …). */
  services: ServiceRegistryView;
}

export type LocalCloudMode = 'dev' | 'test' | 'serve';

export interface ServiceRegistryView {
  get<T extends LocalCloudService>(name: string): T;
  all(): LocalCloudService[];
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Exact path, or a prefix when it ends with '/*'. */
  path: string;
  handler: RouteHandler;
  /** Routes marked testOnly are mounted only in dev/test mode. */
  testOnly?: boolean;
}

/**
 * One lifecycle per emulated service (the firebase-tools emulator model):
 * the registry starts services in order, mounts their routes, and stops them in reverse.
 */
export interface LocalCloudService {
  readonly name: string;
  start(ctx: ServiceContext): Promise<void> | void;
  stop(): Promise<void> | void;
  routes(): Route[];
  /** Admin API actions this service answers (the CloudBase `action` field, e.g. `database.getDocument`). */
  adminActions?(): Record<string, AdminActionHandler>;
  /** Wipe all state (test control). */
  reset?(): Promise<void> | void;
  info?(): Record<string, unknown>;
}

/**
 * An answer with fields beside `data` in the envelope: the SDK reads `transactionId` of
 * `database.startTransaction` at the top level (@cloudbase/database src/transaction/index.ts `init`).
 */
export class AdminEnvelope {
  constructor(
    readonly data: unknown,
    readonly topLevel: Record<string, unknown>,
  ) {}
}

/** Handler of one CloudBase admin API action: gets the decoded request body, returns the `data` payload. */
export type AdminActionHandler = (params: Record<string, any>, req: AdminRequest) => Promise<unknown> | unknown;

export interface AdminRequest {
  /** The raw multipart file, when the action uploads one. */
  file?: Buffer;
  headers: IncomingMessage['headers'];
}
