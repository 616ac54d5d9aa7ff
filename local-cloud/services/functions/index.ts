import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBody, sendJson } from '../../core/http';
import type { LocalCloudService, Route, ServiceContext } from '../../core/service';
import { answerMetadataLookupsLocally } from '../../local-sdk';
import type { SessionsService } from '../sessions';
import { BundleDirectory } from './bundles';
import { buildInvocationContext, type Trigger } from './invocation';

export interface FunctionsServiceOptions {
  /** Folder of built bundles, normally dist/functions (scripts/build-functions.mjs). */
  functionsDir: string;
}

export type InvokeListener = (functionName: string, event: unknown) => () => void;

const INTERNAL_BODY = { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } };

/**
 * The function gateway: `POST /api/fn/:name` runs `main(event, context)` of the deployed bundle, with the
 * caller's identity taken from the dev-login session and put where CloudBase puts it (the context).
 */
export class FunctionsService implements LocalCloudService {
  readonly name = 'functions';
  readonly bundles: BundleDirectory;
  private ctx!: ServiceContext;
  private readonly invokeListeners: InvokeListener[] = [];

  constructor(options: FunctionsServiceOptions) {
    this.bundles = new BundleDirectory(options.functionsDir);
  }

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
    answerMetadataLookupsLocally();
  }

  stop(): void {}

  routes(): Route[] {
    return [{ method: 'POST', path: '/api/fn/*', handler: (req, res, url) => this.handleCall(req, res, url) }];
  }

  info(): Record<string, unknown> {
    return { functionsDir: this.bundles.dir, functions: this.bundles.names() };
  }

  /** Told when an invocation starts (user call or timer); the returned callback runs when it ends. */
  onInvoke(listener: InvokeListener): void {
    this.invokeListeners.push(listener);
  }

  /** Runs one function as the platform would; throws if the function itself throws. */
  async invoke(name: string, event: unknown, trigger: Trigger): Promise<unknown> {
    const main = this.bundles.load(name);
    const context = buildInvocationContext({ functionName: name, baseUrl: this.ctx.baseUrl, clock: this.ctx.clock, trigger, adminKeys: this.ctx.adminKeys, functionEnv: this.ctx.functionEnv });
    const ends = this.invokeListeners.map((listener) => listener(name, event));
    try {
      return await main(event, context);
    } finally {
      for (const end of ends) end();
    }
  }

  private async handleCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = decodeURIComponent(url.pathname.slice('/api/fn/'.length));
    if (!this.bundles.has(name)) throw new HttpError(404, 'NOT_FOUND', `找不到云函数“${name}”`);
    const event = parseEvent(await readBody(req));
    const openid = this.ctx.services.get<SessionsService>('sessions').openidOf(req, res);
    let result: unknown;
    try {
      result = await this.invoke(name, event, { kind: 'user', openid });
    } catch (err) {
      // CloudBase reports a crashed invocation as a failed call; the process keeps serving.
      console.error(`[functions] ${name} threw`, err);
      return sendJson(res, 500, INTERNAL_BODY);
    }
    sendJson(res, 200, result ?? null);
  }
}

function parseEvent(body: Buffer): Record<string, unknown> {
  let event: unknown;
  try {
    event = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', '请求内容不是有效的 JSON');
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new HttpError(400, 'INVALID_INPUT', '请求内容必须是 JSON 对象，例如 {"action":"me","data":{}}');
  }
  return event as Record<string, unknown>;
}
