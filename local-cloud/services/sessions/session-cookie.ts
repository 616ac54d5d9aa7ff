import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'gl_session';

/** A signed cookie value: the openid and an HMAC, so nobody edits their way into another account. */
export function signSession(openid: string, secret: Buffer): string {
  return `${Buffer.from(openid).toString('base64url')}.${mac(openid, secret)}`;
}

export function verifySession(value: string, secret: Buffer): string | null {
  const [encoded, signature] = value.split('.');
  if (!encoded || !signature) return null;
  const openid = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(openid, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) && openid ? openid : null;
}

export function sessionCookieHeader(value: string): string {
  // httpOnly: page scripts never see it; SameSite=Lax: other sites cannot call functions as the user.
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${60 * 60 * 24 * 365}`;
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Like WeChat, every visitor gets an openid before logging in; anonymous ones are marked as such. */
export function newAnonymousOpenid(): string {
  return `anon-${randomBytes(12).toString('hex')}`;
}

function mac(openid: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(openid).digest('base64url');
}
