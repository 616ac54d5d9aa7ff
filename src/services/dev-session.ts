/**
 * Local mode only: pick a seeded user and get a session cookie from the local cloud.
 * Only pages/dev-login imports this file, so production builds (which drop that page) never contain it.
 */
import { CallError, BAD_REPLY_MESSAGE } from './call-error';
import { requestJson } from './transport/http-request';

export interface DevUser {
  userId: string;
  name: string;
  roleLabels: string[];
}

function localCloudBase(): string {
  const base = process.env.TARO_ENV === 'weapp' ? process.env.TARO_APP_LOCAL_CLOUD_URL : process.env.TARO_APP_API_BASE;
  return (base ?? '').replace(/\/+$/, '');
}

export async function listDevUsers(): Promise<DevUser[]> {
  const res = await requestJson({ method: 'GET', url: `${localCloudBase()}/internal/users` });
  if (res.status !== 200 || !Array.isArray(res.body)) throw new CallError('INTERNAL', BAD_REPLY_MESSAGE);
  return res.body.filter(isDevUser);
}

export async function devLogin(userId: string): Promise<void> {
  const res = await requestJson({ method: 'POST', url: `${localCloudBase()}/internal/login`, body: { userId } });
  if (res.status < 200 || res.status >= 300) throw new CallError('INTERNAL', '登录失败，请重试');
}

function isDevUser(v: unknown): v is DevUser {
  const u = v as Partial<DevUser> | null;
  return typeof u?.userId === 'string' && typeof u.name === 'string' && Array.isArray(u.roleLabels);
}
