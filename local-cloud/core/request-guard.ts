import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { HttpError } from './http';

/**
 * Which `Host` (and so which `Origin`) the local cloud answers to. DNS rebinding points an attacker's
 * domain at 127.0.0.1, so a page from that domain reaches this port with `Host: evil.example:port`:
 * only the configured host:port, its loopback aliases when bound to loopback, and IP literals when
 * bound to every interface (a phone on the LAN) pass — names other than localhost never do.
 */
export function allowedHost(bindHost: string, port: number): (host: string) => boolean {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::';
  const exact = new Set([formatHost(bindHost, port), ...(loopback.includes(formatHostName(bindHost)) ? loopback.map((h) => `${h}:${port}`) : [])]);
  return (host) => {
    const value = host.toLowerCase();
    if (exact.has(value)) return true;
    if (!wildcard) return false;
    const match = /^(\[[0-9a-f:.]+\]|[0-9.]+|localhost):(\d+)$/.exec(value);
    return !!match && Number(match[2]) === port && (match[1] === 'localhost' || isIP(match[1].replace(/^\[|\]$/g, '')) !== 0);
  };
}

/**
 * Refuses a foreign `Host` (CloudBase's INVALID_HOST) and a foreign `Origin` (INVALID_REQUEST_SOURCE,
 * CloudBase's answer to an unlisted web security domain): a cross-site page may send requests here,
 * but none it sends passes as this app's own.
 */
export function guardRequest(req: IncomingMessage, isAllowedHost: (host: string) => boolean): void {
  const host = req.headers.host ?? '';
  if (!isAllowedHost(host)) throw new HttpError(403, 'INVALID_HOST', `不接受的 Host：${host || '(无)'}`);
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let originHost: string | null = null;
  try {
    const url = new URL(origin);
    if (url.protocol === 'http:' || url.protocol === 'https:') originHost = url.port ? url.host : `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost.toLowerCase() !== host.toLowerCase()) {
    throw new HttpError(403, 'INVALID_REQUEST_SOURCE', `不接受来自其他网站的请求：${origin}`);
  }
}

/**
 * Test controls change state; a cross-site HTML form can only POST "simple" requests (form or text
 * bodies). Requiring `Content-Type: application/json` makes every call a non-simple request, which a
 * browser preflights — and the local cloud never grants a preflight.
 */
export function guardTestControl(req: IncomingMessage): void {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'INVALID_REQUEST_SOURCE', '测试控制接口只接受 Content-Type: application/json 的请求');
  }
}

function formatHostName(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function formatHost(host: string, port: number): string {
  return `${formatHostName(host).toLowerCase()}:${port}`;
}
