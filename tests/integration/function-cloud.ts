import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LocalCloudService } from '../../local-cloud/core/service';
import { ClockControlService } from '../../local-cloud/services/clock';
import { FunctionsService } from '../../local-cloud/services/functions';
import { SessionsService } from '../../local-cloud/services/sessions';
import { TimersService } from '../../local-cloud/services/timers';
import { seedDemoData } from '../../scripts/seed/load';
import { useTestCloud, type TestCloud, type TestCloudOptions } from '../support/local-cloud-harness';

const ROOT = resolve(__dirname, '..', '..');
export const BUILT_FUNCTIONS = join(ROOT, 'dist', 'functions');

/** `npm run test:integration` builds first; a bare `jest` run builds here so the suite never tests stale code by accident. */
export function ensureBundlesBuilt(): void {
  if (!existsSync(join(BUILT_FUNCTIONS, 'user', 'index.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-functions.mjs')], { stdio: 'inherit' });
  }
}

export interface FunctionCloudOptions extends Pick<TestCloudOptions, 'mode'> {
  functionsDir?: string;
  timersEnabled?: boolean;
}

export function functionServices(options: FunctionCloudOptions = {}): LocalCloudService[] {
  return [
    new SessionsService(),
    new FunctionsService({ functionsDir: options.functionsDir ?? BUILT_FUNCTIONS }),
    new TimersService({ enabled: options.timersEnabled ?? false }),
    new ClockControlService(),
  ];
}

/** A local cloud with the functions and dev-login services, re-seeded with the demo street before each test. */
export function useFunctionCloud(options: FunctionCloudOptions = {}): TestCloud {
  ensureBundlesBuilt();
  const cloud = useTestCloud({ mode: options.mode, extraServices: functionServices(options) });
  beforeEach(async () => {
    await seedDemoData(cloud.cloud.baseUrl);
  });
  return cloud;
}

export interface HttpAnswer {
  status: number;
  body: any;
  setCookie: string | null;
}

export async function post(baseUrl: string, path: string, body: string | object, cookie?: string): Promise<HttpAnswer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), setCookie: res.headers.get('set-cookie') };
}

/** Logs in as a seeded user through the dev-login route and returns the session cookie. */
export async function loginAs(baseUrl: string, userId: string): Promise<string> {
  const answer = await post(baseUrl, '/internal/login', { userId });
  if (answer.status !== 200 || !answer.setCookie) throw new Error(`login as ${userId} failed: ${JSON.stringify(answer.body)}`);
  return answer.setCookie.split(';')[0];
}

/** Calls `fn` as the platform would for a mini-program user holding `cookie`. */
export function callFunction(baseUrl: string, fn: string, action: string, data: unknown, cookie?: string): Promise<HttpAnswer> {
  return post(baseUrl, `/api/fn/${fn}`, { action, data }, cookie);
}
