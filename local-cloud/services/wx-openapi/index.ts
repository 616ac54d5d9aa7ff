import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { HttpError, readBody, sendJson } from '../../core/http';
import type { AdminActionHandler, LocalCloudService, Route, ServiceContext } from '../../core/service';
import { gridBoardUrl } from './board-url';
import { SubscribeMessageInbox } from './subscribe-messages';

export { gridBoardUrl } from './board-url';

/**
 * WeChat open APIs as a function reaches them through @cloudbase/node-sdk's `callWxOpenApi`: admin API
 * action `wx.api` with `apiName` and `requestData` (a JSON string). The SDK reads the answer's
 * `data.responseData` and JSON-parses it when it can (node-sdk/src/wx/index.ts).
 *
 * `wxacode.getUnlimited`: there is no mini-program locally, so the code is a plain QR of the board's H5
 * URL for the scene (the grid id), which a phone camera opens — as base64 PNG, the way an image travels
 * in a JSON string.
 * `subscribeMessage.send`: checked and answered like WeChat (`{ errcode: 0, errmsg: 'ok' }`); every
 * accepted message is kept in memory and listed at the test-only `GET /internal/wx/messages`.
 * Any other API gets WeChat's refusal (48001).
 */
export class WxOpenApiService implements LocalCloudService {
  readonly name = 'wx-openapi';
  private ctx: ServiceContext | null = null;
  private readonly inbox = new SubscribeMessageInbox();

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
  }

  stop(): void {
    this.ctx = null;
  }

  reset(): void {
    this.inbox.clear();
  }

  routes(): Route[] {
    return [
      { method: 'GET', path: '/internal/wx/messages', testOnly: true, handler: (_req, res) => sendJson(res, 200, this.inbox.list()) },
      { method: 'POST', path: '/internal/wx/messages/fail-next', testOnly: true, handler: (req, res) => this.failNext(req, res) },
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
    // The same limit WeChat applies (errcode 40169 invalid scene), so a long id fails locally first.
    if (!scene || scene.length > 32) return { responseData: JSON.stringify({ errcode: 40169, errmsg: 'invalid length for scene' }) };
    const width = typeof request.width === 'number' && request.width >= 280 && request.width <= 1280 ? request.width : 430;
    const png = await QRCode.toBuffer(gridBoardUrl(this.baseUrl(), scene), { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
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

  private context(): ServiceContext {
    if (!this.ctx) throw new Error('wx-openapi service not started');
    return this.ctx;
  }

  private baseUrl(): string {
    return this.context().baseUrl;
  }
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
