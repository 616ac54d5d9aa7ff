import dns from 'node:dns';
import { join, resolve } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { readAdminKeys, type AdminKeys } from './core/admin-keys';

/** The env id the local cloud answers to; CloudBase environments have ids like `gridlink-1g2h3`. */
export const LOCAL_ENV_ID = 'gridlink-local';

/** Where the SDK sends CloudBase admin API calls locally (ARCHITECTURE §1: `serviceUrl`). */
export function localServiceUrl(baseUrl: string): string {
  return `${baseUrl}/admin`;
}

type App = ReturnType<typeof tcb.init>;
const apps = new Map<string, App>();
const credentials = new Map<string, AdminKeys>();

/**
 * Tells `localApp` which key pair the local cloud at `baseUrl` verifies admin requests with. A cloud
 * registers its own on start; a process that did not start it (seed script, a test's child cloud)
 * registers the pair read from the cloud's data dir (`readAdminKeys`).
 */
export function registerLocalCredentials(baseUrl: string, keys: AdminKeys): void {
  credentials.set(localServiceUrl(baseUrl), keys);
}

/**
 * The real SDK pointed at a local cloud, for the local cloud's own tooling (dev login, seeding, tests):
 * the same data path the functions use, never a second one. Requests are signed with the cloud's keys;
 * without registered keys it falls back to the data dir of `npm start` (GRIDLINK_DATA_DIR or .local-cloud/).
 */
export function localApp(baseUrl: string): App {
  answerMetadataLookupsLocally();
  const serviceUrl = localServiceUrl(baseUrl);
  const keys = credentials.get(serviceUrl) ?? defaultDataDirKeys();
  const cacheKey = `${serviceUrl}|${keys.secretId}`;
  let app = apps.get(cacheKey);
  if (!app) {
    app = tcb.init({ env: LOCAL_ENV_ID, serviceUrl, secretId: keys.secretId, secretKey: keys.secretKey });
    apps.set(cacheKey, app);
  }
  return app;
}

function defaultDataDirKeys(): AdminKeys {
  const dataDir = resolve(process.env.GRIDLINK_DATA_DIR ?? join(__dirname, '..', '.local-cloud'));
  const keys = readAdminKeys(dataDir);
  if (!keys) throw new Error(`no admin keys for this local cloud: start it first (looked in ${dataDir})`);
  return keys;
}

/** Only resolvable inside Tencent Cloud; the SDK probes it on every request until it answers. */
const METADATA_HOST = 'metadata.tencentyun.com';
let metadataShortcutInstalled = false;

/**
 * Outside Tencent Cloud the SDK asks DNS for its metadata host before each request and, since the
 * answer is never cached when it fails, asks again every time. On resolvers without that name this
 * can take a 5 s timeout per lookup, which fills libuv's threadpool (slowing every fs call) and keeps
 * test processes alive. The local cloud answers "not found" at once — the same answer, without the wait.
 */
export function answerMetadataLookupsLocally(): void {
  if (metadataShortcutInstalled) return;
  metadataShortcutInstalled = true;
  const original = dns.lookup;
  const patched = function (this: unknown, hostname: string, ...rest: unknown[]) {
    if (hostname === METADATA_HOST) {
      const callback = rest.find((arg): arg is (err: NodeJS.ErrnoException) => void => typeof arg === 'function');
      const err: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
      if (callback) process.nextTick(callback, err);
      return;
    }
    return (original as (...args: unknown[]) => unknown).apply(this, [hostname, ...rest]);
  };
  (dns as { lookup: unknown }).lookup = patched;
}
