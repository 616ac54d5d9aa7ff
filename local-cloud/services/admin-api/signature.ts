import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { sign, Signer } from '@cloudbase/signature-nodejs';
import type { AdminKeys } from '../../core/admin-keys';

/** How far a signature's `X-Timestamp` may lie ahead of this machine's clock (Tencent Cloud API: 5 min). */
export const MAX_CLOCK_SKEW_S = 300;
/** The node SDK sends `X-Signature-Expires: 600`; an older signature is refused whatever it claims. */
export const MAX_SIGNATURE_AGE_S = 600;

/** CloudBase's code for a bad or missing admin signature ("SIGN_PARAM_INVALID 鉴权参数无效", error-code/basic). */
export class SignatureError extends Error {
  readonly code = 'SIGN_PARAM_INVALID';
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,]*),)? SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/**
 * Verifies what @cloudbase/node-sdk signs on every admin request (utils/tcbapirequester.ts `getHeaders`):
 * TC3-HMAC-SHA256 over method, URL path and query, the signed headers (host and content-type among
 * them) and a hash of every non-empty body parameter, computed here with the SDK's own signer
 * (@cloudbase/signature-nodejs) from what arrived. Refuses a missing or malformed Authorization, another
 * SecretId, a stale or future timestamp, a changed header/parameter, and parameters left unsigned.
 */
export function verifyAdminSignature(req: IncomingMessage, params: Record<string, unknown>, keys: AdminKeys, nowMs = Date.now()): void {
  const match = AUTHORIZATION.exec(String(req.headers.authorization ?? ''));
  if (!match) throw new SignatureError('缺少或无法识别的签名（Authorization: TC3-HMAC-SHA256 …）');
  const [, secretId, date, signedParamsText, signedHeadersText, signature] = match;
  if (secretId !== keys.secretId) throw new SignatureError(`未知的 SecretId：${secretId}`);
  const timestamp = Number(req.headers['x-timestamp']);
  if (!Number.isInteger(timestamp)) throw new SignatureError('缺少签名时间 X-Timestamp');
  const nowS = Math.floor(nowMs / 1000);
  if (nowS - timestamp > MAX_SIGNATURE_AGE_S) throw new SignatureError(`签名已过期（签于 ${nowS - timestamp} 秒前，最长 ${MAX_SIGNATURE_AGE_S} 秒）`);
  if (timestamp - nowS > MAX_CLOCK_SKEW_S) throw new SignatureError('签名时间晚于服务器时间，请校准时钟');
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) throw new SignatureError('签名日期与 X-Timestamp 不符');

  const signedHeaders = signedHeadersText.split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes('content-type')) throw new SignatureError('签名必须包含 host 与 content-type');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) throw new SignatureError(`签名的请求头缺失：${name}`);
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const signedParams = signedParamsText ? signedParamsText.split(';') : [];
  const multipart = String(headers['content-type']).startsWith('multipart/form-data');
  const formatted = Signer.formatKeyAndValue(params, { multipart }) as Record<string, unknown>;
  const unsigned = Object.keys(formatted).filter((key) => formatted[key] && !signedParams.includes(key));
  if (unsigned.length > 0) throw new SignatureError(`未签名的参数：${unsigned.join(', ')}`);

  const url = `http://${headers.host}${req.url ?? '/'}`;
  const expected = (method: string) =>
    sign({ ...keys, method, url, headers, params, timestamp, withSignedParams: true, includeKeys: signedParams.length ? signedParams : undefined })
      .authorization.split('Signature=')[1];
  const method = String(req.method ?? 'POST');
  // The SDK signs the method as it passes it to its HTTP client ('post'); other clients may sign 'POST'.
  if (![method.toLowerCase(), method.toUpperCase()].some((m) => same(expected(m), signature))) throw new SignatureError('签名不匹配');
}

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
