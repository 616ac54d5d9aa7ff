import { DomainError } from '../../src/domain/errors';
import type { getApp } from '../_lib';

type App = ReturnType<typeof getApp>;

/** The board page of the mini-program; the scene (grid id) reaches it as `options.scene`. */
export const BOARD_PAGE = 'pages/grid/index';

/** The patrol check-in page (issue 14): a building's code opens it with the building in `scene`. */
export const CHECK_IN_PAGE = 'packages/worker/check-in/index';

/** wxacode.getUnlimited takes at most 32 visible characters from this set (WeChat's API reference). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function sceneFor(gridId: string): string {
  if (!SCENE.test(gridId)) {
    // Grid ids are made by the org function; one that does not fit a scene is a bug there, not user input.
    throw new DomainError('INTERNAL', '网格编号无法生成小程序码，请联系管理员');
  }
  return gridId;
}

export function boardTarget(gridId: string): string {
  return `${BOARD_PAGE}?gridId=${encodeURIComponent(gridId)}`;
}

/**
 * The grid's mini-program code as PNG bytes, from WeChat's `wxacode.getUnlimited` called through the
 * SDK's `callWxOpenApi` (admin API action `wx.api`; the function's config.json declares the permission).
 * Production and the local cloud take this same path; the local cloud answers with a QR of the H5 board.
 */
export async function fetchWxacode(app: App, scene: string, page: string = BOARD_PAGE): Promise<Buffer> {
  const answer = (await app.callWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    // check_path false: the code must be printable before a release containing the page is published.
    requestData: { scene, page, check_path: false, width: 430 },
  })) as { result?: unknown; code?: unknown; message?: unknown };
  if (answer.code) {
    console.error('[board] wxacode.getUnlimited failed', answer.code, answer.message);
    throw new DomainError('INTERNAL', '小程序码生成失败，请稍后再试');
  }
  const png = pngBytes(answer.result);
  if (!png) {
    console.error('[board] wxacode.getUnlimited answered no image', typeof answer.result === 'object' ? answer.result : String(answer.result).slice(0, 200));
    throw new DomainError('INTERNAL', '小程序码生成失败，请稍后再试');
  }
  return png;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/**
 * `wx.api` carries the answer in the JSON string `responseData`; the SDK JSON-parses it when it can.
 * An image arrives base64-encoded (or as a serialised Buffer); a JSON `{ errcode, errmsg }` is WeChat's
 * refusal. Only bytes that really start with the PNG signature are accepted.
 */
function pngBytes(result: unknown): Buffer | null {
  let bytes: Buffer | null = null;
  if (Buffer.isBuffer(result)) bytes = result;
  else if (typeof result === 'string') bytes = Buffer.from(result, 'base64');
  else if (result && typeof result === 'object') {
    const { type, data, buffer } = result as { type?: unknown; data?: unknown; buffer?: unknown };
    if (type === 'Buffer' && Array.isArray(data)) bytes = Buffer.from(data as number[]);
    else if (typeof buffer === 'string') bytes = Buffer.from(buffer, 'base64');
  }
  return bytes && bytes.subarray(0, 4).equals(PNG_SIGNATURE) ? bytes : null;
}
