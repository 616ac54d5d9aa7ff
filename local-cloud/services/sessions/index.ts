import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { ROLE_LABELS, type Role } from '../../../src/domain/user';
import { parseInput } from '../../../src/domain/validation';
import { DomainError } from '../../../src/domain/errors';
import { HttpError, readBody, sendJson } from '../../core/http';
import type { LocalCloudService, Route, ServiceContext } from '../../core/service';
import { localApp } from '../../local-sdk';
import { SESSION_COOKIE, newAnonymousOpenid, readCookie, sessionCookieHeader, signSession, verifySession } from './session-cookie';

const loginSchema = z.object({ userId: z.string().min(1).describe('用户编号') }).strict();

interface StoredUser {
  _id: string;
  openid: string;
  name: string;
  roles?: Array<{ role: Role }>;
}

/**
 * Dev login. The session cookie carries the openid the gateway hands to functions as WX_OPENID —
 * locally it plays the part WeChat's login plays in production.
 */
export class SessionsService implements LocalCloudService {
  readonly name = 'sessions';
  private ctx!: ServiceContext;
  private secret!: Buffer;

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
    this.secret = loadOrCreateSecret(join(ctx.dataDir, 'session-secret'));
  }

  stop(): void {}

  routes(): Route[] {
    return [
      { method: 'GET', path: '/internal/users', testOnly: true, handler: (_req, res) => this.listUsers(res) },
      { method: 'POST', path: '/internal/login', testOnly: true, handler: (req, res) => this.login(req, res) },
      { method: 'POST', path: '/internal/logout', testOnly: true, handler: (_req, res) => this.logout(res) },
    ];
  }

  /** The caller's openid from the session cookie; a visitor without one gets a fresh anonymous one. */
  openidOf(req: IncomingMessage, res: ServerResponse): string {
    const cookie = readCookie(req, SESSION_COOKIE);
    const openid = cookie ? verifySession(cookie, this.secret) : null;
    if (openid) return openid;
    const fresh = newAnonymousOpenid();
    res.setHeader('set-cookie', sessionCookieHeader(signSession(fresh, this.secret)));
    return fresh;
  }

  /** Cookie value for an openid — for tests that call the gateway as a given user. */
  cookieFor(openid: string): string {
    return `${SESSION_COOKIE}=${signSession(openid, this.secret)}`;
  }

  private async listUsers(res: ServerResponse): Promise<void> {
    const users = await this.readUsers();
    sendJson(
      res,
      200,
      users.map((u) => ({ userId: u._id, openid: u.openid, name: u.name, roleLabels: [...new Set((u.roles ?? []).map((r) => ROLE_LABELS[r.role]))] })),
    );
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let userId: string;
    try {
      ({ userId } = parseInput(loginSchema, JSON.parse((await readBody(req)).toString('utf8') || '{}')));
    } catch (err) {
      if (err instanceof DomainError) return sendJson(res, 400, { ok: false, error: err.toBody() });
      throw new HttpError(400, 'INVALID_INPUT', '请求内容不是有效的 JSON');
    }
    const db = localApp(this.ctx.baseUrl).database();
    const { data } = await db.collection('users').where({ _id: userId }).limit(1).get();
    const user = data[0] as StoredUser | undefined;
    if (!user) throw new HttpError(404, 'NOT_FOUND', `没有编号为“${userId}”的用户`);
    res.setHeader('set-cookie', sessionCookieHeader(signSession(user.openid, this.secret)));
    sendJson(res, 200, { ok: true, data: { userId: user._id, openid: user.openid, name: user.name } });
  }

  private logout(res: ServerResponse): void {
    res.setHeader('set-cookie', sessionCookieHeader(signSession(newAnonymousOpenid(), this.secret)));
    sendJson(res, 200, { ok: true, data: {} });
  }

  private async readUsers(): Promise<StoredUser[]> {
    const users = localApp(this.ctx.baseUrl).database().collection('users');
    const all: StoredUser[] = [];
    // The admin API returns at most 1000 documents a call, as CloudBase does.
    for (let skip = 0; ; skip += 1000) {
      const { data } = await users.orderBy('_id', 'asc').skip(skip).limit(1000).get();
      all.push(...(data as StoredUser[]));
      if (data.length < 1000) return all;
    }
  }
}

/** Persisted, so dev logins survive a restart of `npm start`. */
function loadOrCreateSecret(file: string): Buffer {
  if (existsSync(file)) return readFileSync(file);
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
