import QRCode from 'qrcode';
import { HttpError } from '../../core/http';
import type { AdminActionHandler, LocalCloudService, Route, ServiceContext } from '../../core/service';
import { gridBoardUrl } from './board-url';

export { gridBoardUrl } from './board-url';

/**
 * WeChat open APIs as a function reaches them through @cloudbase/node-sdk's `callWxOpenApi`: admin API
 * action `wx.api` with `apiName` and `requestData` (a JSON string). The SDK reads the answer's
 * `data.responseData` and JSON-parses it when it can (node-sdk/src/wx/index.ts).
 *
 * Only `wxacode.getUnlimited` is answered. There is no mini-program locally, so the code is a plain QR
 * of the board's H5 URL for the scene (the grid id), which a phone camera opens — as base64 PNG, the
 * way an image travels in a JSON string.
 */
export class WxOpenApiService implements LocalCloudService {
  readonly name = 'wx-openapi';
  private ctx: ServiceContext | null = null;

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
  }

  stop(): void {
    this.ctx = null;
  }

  routes(): Route[] {
    return [];
  }

  info(): Record<string, unknown> {
    return { apis: ['wxacode.getUnlimited'] };
  }

  adminActions(): Record<string, AdminActionHandler> {
    return { 'wx.api': (params) => this.callApi(params) };
  }

  private async callApi(params: Record<string, unknown>): Promise<{ responseData: string }> {
    const apiName = String(params.apiName ?? '');
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

  private baseUrl(): string {
    if (!this.ctx) throw new Error('wx-openapi service not started');
    return this.ctx.baseUrl;
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
