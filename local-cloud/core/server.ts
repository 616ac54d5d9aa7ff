import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Clock } from './clock';
import { loadOrCreateAdminKeys, type AdminKeys } from './admin-keys';
import { loadOrCreateFunctionEnv } from './function-env';
import { HttpError, sendJson } from './http';
import { allowedHost, guardRequest, guardTestControl } from './request-guard';
import { registerLocalCredentials } from '../local-sdk';
import type { LocalCloudMode, LocalCloudService, Route, ServiceContext } from './service';

export interface LocalCloudOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  dataDir: string;
  mode: LocalCloudMode;
  services: LocalCloudService[];
  /**
   * Test mode only: the admin API accepts requests without a valid signature (raw-request contract
   * tests). Every other start verifies the SDK's TC3-HMAC-SHA256 signature with the data dir's keys.
   */
  unsignedAdmin?: boolean;
}

export interface LocalCloud {
  baseUrl: string;
  port: number;
  /** The key pair admin requests must be signed with (also handed to functions, as CloudBase does). */
  adminKeys: AdminKeys;
  /** Variables every function invocation gets (data dir `function-env.json`, e.g. the register key). */
  functionEnv: Record<string, string>;
  clock: Clock;
  service<T extends LocalCloudService>(name: string): T;
  stop(): Promise<void>;
}

/** Starts the services in order on one HTTP server; the registry of the firebase-tools emulator model. */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = new Clock();
  const byName = new Map(options.services.map((s) => [s.name, s]));
  const routes: Route[] = [];
  const adminKeys = loadOrCreateAdminKeys(options.dataDir);
  const functionEnv = loadOrCreateFunctionEnv(options.dataDir);
  let isAllowedHost: (host: string) => boolean = () => false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const route = matchRoute(routes, req.method ?? 'GET', url.pathname);
    Promise.resolve()
      .then(() => {
        guardRequest(req, isAllowedHost);
        if (!route) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '找不到该地址' } });
        if (url.pathname.startsWith('/internal/')) guardTestControl(req);
        return route.handler(req, res, url);
      })
      .catch((err: unknown) => {
      if (res.headersSent) return res.end();
      if (err instanceof HttpError) return sendJson(res, err.status, { ok: false, error: { code: err.code, message: err.message } });
      console.error('[local-cloud] unhandled error', err);
      sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误' } });
    });
  });
  // The SDK keeps idle sockets for up to 4.8 s (agentkeepalive's freeSocketTimeout); Node's server closes
  // them at 5 s. On a busy machine the two race and the SDK writes into a closing socket (ECONNRESET seen
  // by the fuzz test), so the server keeps idle sockets longer and the client always closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const bindHost = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, bindHost);
  const port = (server.address() as AddressInfo).port;
  isAllowedHost = allowedHost(bindHost, port);
  // A wildcard bind is reached through loopback by the cloud's own tooling and functions.
  const baseUrl = `http://${bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost}:${port}`;
  registerLocalCredentials(baseUrl, adminKeys);
  const ctx: ServiceContext = {
    dataDir: options.dataDir,
    baseUrl,
    mode: options.mode,
    clock,
    adminKeys,
    functionEnv,
    acceptUnsignedAdmin: options.mode === 'test' && options.unsignedAdmin === true,
    services: { get: <T extends LocalCloudService>(name: string) => requireService<T>(byName, name), all: () => options.services },
  };
  const started: LocalCloudService[] = [];
  try {
    for (const service of options.services) {
      await service.start(ctx);
      started.push(service);
      for (const route of service.routes()) {
        if (route.testOnly && options.mode === 'serve') continue;
        routes.push(route);
      }
    }
  } catch (err) {
    await stopAll(started, server);
    throw err;
  }
  return {
    baseUrl,
    port,
    adminKeys,
    functionEnv,
    clock,
    service: (name) => requireService(byName, name),
    stop: () => stopAll(started, server),
  };
}

function requireService<T extends LocalCloudService>(byName: Map<string, LocalCloudService>, name: string): T {
  const service = byName.get(name);
  if (!service) throw new Error(`local cloud service not registered: ${name}`);
  return service as T;
}

/** Exact routes win over prefix routes ('/x/*'); among prefixes the longest wins. */
export function matchRoute(routes: Route[], method: string, pathname: string): Route | undefined {
  const candidates = routes.filter((r) => r.method === method);
  const exact = candidates.find((r) => r.path === pathname);
  if (exact) return exact;
  return candidates
    .filter((r) => r.path.endsWith('/*') && pathname.startsWith(r.path.slice(0, -1)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

async function stopAll(started: LocalCloudService[], server: Server): Promise<void> {
  server.closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const service of [...started].reverse()) await service.stop();
}
