import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { HttpError, readBody, sendJson } from '../../core/http';
import type { AdminActionHandler, LocalCloudService, Route, ServiceContext } from '../../core/service';
import { DEFAULT_TEMPLATES } from '../../../src/domain/notification/templates';
import type { SessionsService } from '../sessions';
import { readAppPages, isAppPage } from './app-pages';
import { codeUrl } from './board-url';
import { SubscribeMessageInbox, type TemplateRegistry } from './subscribe-messages';

export { gridBoardUrl } from './board-url';

/**
 * WeChat open APIs as a function reaches them through @cloudbase/node-sdk's `callWxOpenApi`: admin API
 * action `wx.api` with `apiName` and `requestData` (a JSON string). The SDK reads the answer's
 * `data.responseData` and JSON-parses it when it can (node-sdk/src/wx/index.ts).
 *
 * `wxacode.getUnlimited`: there is no mini-program locally, so the code is a plain QR of the board's H5
 * URL for the scene (the grid id), which a phone camera opens — as base64 PNG, the way an image travels
 * in a JSON string.
 * `subscribeMessage.send`: checked and answered like WeChat (subscribe-messages.ts); every accepted
 * message is kept in memory and listed at the test-only `GET /internal/wx/messages`.
 * Both check `page` against the pages of the production app.json (app-pages.ts) and answer 41030.
 * The mini-program's templates (WeChat admin console) are the app's built-in ones (src/domain/notification)
 * plus any a test or developer adds (`POST /internal/wx/templates`). One-time subscriptions are granted by
 * `POST /internal/wx/subscribe` — what the user's 允许 in `wx.requestSubscribeMessage` does in WeChat.
 * Any other API gets WeChat's refusal (48001).
 */
/** How many drawn codes the local WeChat keeps (a street's grids and buildings fit; the oldest goes first). */
const DRAWN_CODES_KEPT = 500;

export class WxOpenApiService implements LocalCloudService {
  readonly name = 'wx-openapi';
  private ctx: ServiceContext | null = null;
  private readonly templates: TemplateRegistry = defaultTemplates();
  private pageSet: Set<string> | null = null;
  /**
   * Codes already drawn, by what they encode: WeChat answers the same image for the same scene, page and
   * width, and drawing one (pngjs) takes ~2 s inside jest's sandbox (~0.1 s in plain Node), which made
   * every print of a board or building sheet in the tests cost seconds. Bounded; cleared on reset.
   */
  private readonly drawn = new Map<string, Buffer>();
  private readonly inbox = new SubscribeMessageInbox(
    () => this.templates,
    () => this.pages(),
  );

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
  }

  stop(): void {
    this.ctx = null;
  }

  reset(): void {
    this.drawn.clear();
    this.inbox.clear();
    this.templates.clear();
    for (const [id, keys] of defaultTemplates()) this.templates.set(id, keys);
  }

  /** Read once, on first use: the app's page list does not change while the local cloud runs. */
  private pages(): Set<string> {
    this.pageSet ??= readAppPages();
    return this.pageSet;
  }

  routes(): Route[] {
    return [
      { method: 'GET', path: '/internal/wx/messages', testOnly: true, handler: (_req, res) => sendJson(res, 200, this.inbox.list()) },
      { method: 'POST', path: '/internal/wx/messages/fail-next', testOnly: true, handler: (req, res) => this.failNext(req, res) },
      { method: 'POST', path: '/internal/wx/subscribe', testOnly: true, handler: (req, res) => this.subscribe(req, res) },
      { method: 'GET', path: '/internal/wx/quota', testOnly: true, handler: (req, res, url) => this.quota(req, res, url) },
      { method: 'POST', path: '/internal/wx/templates', testOnly: true, handler: (req, res) => this.addTemplate(req, res) },
    ];
  }

  info(): Record<string, unknown> {
    return { apis: ['wxacode.getUnlimited', 'subscribeMessage.send'], messages: this.inbox.list().length };
  }

  /** The subscribe messages "delivered" so far, oldest first. */
  messages() {
    return this.inbox.list();
  }

  adminActions(): Record<string, AdminActionHandler> {
    return { 'wx.api': (params) => this.callApi(params) };
  }

  private async callApi(params: Record<string, unknown>): Promise<{ responseData: string }> {
    const apiName = String(params.apiName ?? '');
    if (apiName === 'subscribeMessage.send') {
      const answer = this.inbox.send(parseRequestData(params.requestData), new Date(this.context().clock.now()));
      return { responseData: JSON.stringify(answer) };
    }
    if (apiName !== 'wxacode.getUnlimited') {
      // WeChat's own refusal shape, so the caller sees what production would tell it.
      return { responseData: JSON.stringify({ errcode: 48001, errmsg: `api unauthorized: ${apiName} is not emulated by the local cloud` }) };
    }
    const request = parseRequestData(params.requestData);
    const scene = typeof request.scene === 'string' ? request.scene : '';
    // WeChat: at most 32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~ (errcode 40169).
    if (!SCENE.test(scene)) return { responseData: JSON.stringify({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' }) };
    // "根路径前不要填加 /,不能携带参数" and a page of the app. Stricter than check_path:false on purpose:
    // a code for a page the release lacks opens "page not found" for whoever scans it.
    const page = request.page;
    if (page !== undefined && (typeof page !== 'string' || !isAppPage(this.pages(), page, false))) {
      return { responseData: JSON.stringify({ errcode: 41030, errmsg: 'invalid page' }) };
    }
    const width = typeof request.width === 'number' && request.width >= 280 && request.width <= 1280 ? request.width : 430;
    const url = codeUrl(this.baseUrl(), typeof page === 'string' ? page : undefined, scene);
    const key = `${width} ${url}`;
    let png = this.drawn.get(key);
    if (!png) {
      png = await QRCode.toBuffer(url, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
      if (this.drawn.size >= DRAWN_CODES_KEPT) this.drawn.delete(this.drawn.keys().next().value as string);
      this.drawn.set(key, png);
    }
    return { responseData: png.toString('base64') };
  }

  /** Test control: `{ count, errcode, errmsg? }` — the next sends fail with that WeChat errcode. */
  private async failNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { count?: unknown; errcode?: unknown; errmsg?: unknown };
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as typeof body;
    } catch {
      throw new HttpError(400, 'INVALID_INPUT', '请求内容不是有效的 JSON');
    }
    const count = typeof body.count === 'number' && body.count > 0 ? Math.floor(body.count) : 1;
    const errcode = typeof body.errcode === 'number' && body.errcode !== 0 ? body.errcode : -1;
    this.inbox.failNext(count, { errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : 'system error' });
    sendJson(res, 200, { ok: true, count, errcode });
  }

  /**
   * The local stand-in for the user's 允许 in `wx.requestSubscribeMessage({ tmplIds })`: the session's
   * openid (or, for tests, `openid` in the body) gets one send per template; answers as WeChat's client
   * API does (`{ errMsg: 'requestSubscribeMessage:ok', <id>: 'accept' | 'reject' }`).
   */
  private async subscribe(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req);
    const tmplIds = Array.isArray(body.tmplIds) ? body.tmplIds.filter((t): t is string => typeof t === 'string') : [];
    // WeChat's client takes 1 to 3 template ids per request.
    if (tmplIds.length === 0 || tmplIds.length > 3) return sendJson(res, 400, { errMsg: 'requestSubscribeMessage:fail invalid tmplIds', errCode: 20001 });
    const openid = typeof body.openid === 'string' && body.openid ? body.openid : this.context().services.get<SessionsService>('sessions').openidOf(req, res);
    sendJson(res, 200, { errMsg: 'requestSubscribeMessage:ok', ...this.inbox.accept(openid, tmplIds) });
  }

  private quota(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const openid = url.searchParams.get('openid') ?? this.context().services.get<SessionsService>('sessions').openidOf(req, res);
    sendJson(res, 200, this.inbox.quotaOf(openid));
  }

  /** Test control: a template added in the WeChat admin console, `{ templateId, keys: ['thing1', …] }`. */
  private async addTemplate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req);
    const keys = Array.isArray(body.keys) ? body.keys.filter((k): k is string => typeof k === 'string') : [];
    if (typeof body.templateId !== 'string' || !body.templateId || keys.length === 0) throw new HttpError(400, 'INVALID_INPUT', 'templateId 和 keys 必填');
    this.templates.set(body.templateId, keys);
    sendJson(res, 200, { ok: true });
  }

  private context(): ServiceContext {
    if (!this.ctx) throw new Error('wx-openapi service not started');
    return this.ctx;
  }

  private baseUrl(): string {
    return this.context().baseUrl;
  }
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

function defaultTemplates(): TemplateRegistry {
  return new Map(Object.values(DEFAULT_TEMPLATES).map((t) => [t.templateId, Object.keys(t.keywords)]));
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const parsed = JSON.parse((await readBody(req)).toString('utf8') || '{}') as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'INVALID_INPUT', '请求内容不是有效的 JSON');
}

function parseRequestData(raw: unknown): Record<string, unknown> {
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  try {
    const parsed = JSON.parse(String(raw ?? '')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through: a body WeChat would reject
  }
  throw new HttpError(400, 'INVALID_PARAM', 'wx.api requestData is not a JSON object');
}
