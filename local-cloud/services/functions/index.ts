import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBody, sendJson } from '../../core/http';
import type { AdminActionHandler, LocalCloudService, Route, ServiceContext } from '../../core/service';
import { answerMetadataLookupsLocally } from '../../local-sdk';
import type { SessionsService } from '../sessions';
import { BundleDirectory } from './bundles';
import { buildInvocationContext, type Trigger } from './invocation';
import { enforcedLimitScale, FunctionTimeoutError, withinTimeLimit } from './time-limit';

/** An admin-API error envelope `{ code, message }` (admin-api keeps an Error's string `code`). */
class InvokeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FunctionsServiceOptions {
  /** Folder of built bundles, normally dist/functions (scripts/build-functions.mjs). */
  functionsDir: string;
  /** Multiplies the enforced time limit (time-limit.ts `enforcedLimitScale`); default from the environment. */
  timeLimitScale?: number;
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
  private readonly timeLimitScale: number;

  constructor(options: FunctionsServiceOptions) {
    this.bundles = new BundleDirectory(options.functionsDir);
    this.timeLimitScale = options.timeLimitScale ?? enforcedLimitScale(process.env.GRIDLINK_FUNCTION_TIME_SCALE);
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
    const timeoutS = this.bundles.timeoutSeconds(name);
    const context = buildInvocationContext({ functionName: name, baseUrl: this.ctx.baseUrl, clock: this.ctx.clock, trigger, adminKeys: this.ctx.adminKeys, functionEnv: this.ctx.functionEnv, timeLimitMs: timeoutS * 1000 });
    const ends = this.invokeListeners.map((listener) => listener(name, event));
    try {
      // CloudBase ends a run at the function's timeout (time-limit.ts); the caller gets the error then.
      return await withinTimeLimit(Promise.resolve().then(() => main(event, context)), name, timeoutS, this.timeLimitScale);
    } finally {
      for (const end of ends) end();
    }
  }

  adminActions(): Record<string, AdminActionHandler> {
    return { 'functions.invokeFunction': (params) => this.invokeFunction(params) };
  }

  /**
   * The server SDK's `app.callFunction({ name, data })` (@cloudbase/node-sdk src/functions: action
   * functions.invokeFunction, `request_data` the JSON of `data`, the answer's `response_data` the JSON of
   * what main returned). A function's own failure is the call's error, as CloudBase reports it:
   * FUNCTIONS_TIME_LIMIT_EXCEEDED past the timeout, FUNCTIONS_EXECUTE_FAIL when main throws,
   * FUNCTION_NOT_FOUND for a name not deployed. The caller is the admin identity, so no WX_OPENID.
   */
  private async invokeFunction(params: Record<string, unknown>): Promise<{ response_data: string }> {
    const name = typeof params.function_name === 'string' ? params.function_name : '';
    if (!this.bundles.has(name)) throw new InvokeError('FUNCTION_NOT_FOUND', `function not found: ${name || '(none)'}`);
    let event: unknown = {};
    try {
      event = typeof params.request_data === 'string' && params.request_data !== '' ? JSON.parse(params.request_data) : {};
    } catch {
      throw new InvokeError('FUNCTION_PARAM_INVALID', 'request_data is not JSON');
    }
    try {
      const result = await this.invoke(name, event, { kind: 'server' });
      return { response_data: JSON.stringify(result ?? null) };
    } catch (err) {
      if (err instanceof FunctionTimeoutError) throw err;
      console.error(`[functions] ${name} threw`, err);
      throw new InvokeError('FUNCTIONS_EXECUTE_FAIL', err instanceof Error ? err.message : String(err));
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
