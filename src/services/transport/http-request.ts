import Taro from '@tarojs/taro';
import { networkError } from '../call-error';

export interface JsonRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
}

export interface JsonResponse {
  status: number;
  /** Parsed JSON, or undefined when the body was not JSON. */
  body: unknown;
}

const TIMEOUT_MS = 15_000;

/**
 * JSON over HTTP with the session cookie kept, on either platform. H5 lets the browser keep the cookie;
 * weapp has no cookie store, so the DevTools-against-local-cloud path keeps the session cookie itself.
 * Rejects with CallError('NETWORK') when no HTTP reply arrived.
 */
export function requestJson(req: JsonRequest): Promise<JsonResponse> {
  return process.env.TARO_ENV === 'h5' ? fetchJson(req) : taroRequestJson(req);
}

async function fetchJson({ method, url, body }: JsonRequest): Promise<JsonResponse> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      method,
      credentials: 'include',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
    });
    const text = await res.text();
    return { status: res.status, body: parseJson(text) };
  } catch {
    throw networkError();
  } finally {
    clearTimeout(timer);
  }
}

const COOKIE_KEY = 'gridlink.localCloudCookie';

async function taroRequestJson({ method, url, body }: JsonRequest): Promise<JsonResponse> {
  const cookie = Taro.getStorageSync<string>(COOKIE_KEY) || '';
  let res: Taro.request.SuccessCallbackResult<string>;
  try {
    res = await Taro.request<string>({
      url,
      method,
      data: body,
      dataType: '其他', // weapp: anything but 'json' leaves the body as text, so a non-JSON reply cannot throw here
      responseType: 'text',
      timeout: TIMEOUT_MS,
      header: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    });
  } catch {
    throw networkError();
  }
  rememberCookie(res.header);
  const raw = res.data;
  return { status: res.statusCode, body: typeof raw === 'string' ? parseJson(raw) : (raw as unknown) };
}

function rememberCookie(header: Record<string, unknown> | undefined): void {
  const setCookie = header?.['Set-Cookie'] ?? header?.['set-cookie'];
  if (typeof setCookie !== 'string' || setCookie === '') return;
  // Keep only `name=value` of each cookie; attributes (Path, HttpOnly…) are the server's business.
  const pairs = setCookie.split(/,(?=\s*[^;,=\s]+=)/).map((c) => c.split(';')[0].trim());
  Taro.setStorageSync(COOKIE_KEY, pairs.join('; '));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
