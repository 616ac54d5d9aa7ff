import type { ActionInput, ActionName, FunctionName, ActionOutput } from '../../../src/domain/api';
import type { ContractAnswer } from '../../support/contract-call';

/**
 * Setting up and reading back through the local cloud's HTTP API, outside the page: a test arranges
 * what the page is to show (a building, a person) or checks what the page wrote, as a signed-in user.
 * One copy for every E2E file (it was written out in worker-day, patrol and audit-log).
 */

/** POSTs JSON to the local cloud; answers the parsed body and the session cookie it set, if any. */
export async function postJson(baseUrl: string, path: string, body: unknown, cookie?: string): Promise<{ body: any; cookie: string }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { body: (await res.json()) as any, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

/** Signs in as the seeded user `userId` (the local cloud's test login) and answers the session cookie. */
export async function loginCookie(baseUrl: string, userId: string): Promise<string> {
  return (await postJson(baseUrl, '/internal/login', { userId })).cookie;
}

/** Calls one action of one cloud function as `userId`; the answer is typed from the contract (src/domain/api.ts). */
export async function callAs<F extends FunctionName, A extends ActionName<F>>(
  baseUrl: string,
  userId: string,
  fn: F,
  action: A,
  data: ActionInput<F, A> | Record<string, unknown>,
): Promise<ContractAnswer<ActionOutput<F, A>>> {
  const cookie = await loginCookie(baseUrl, userId);
  return (await postJson(baseUrl, `/api/fn/${fn}`, { action, data }, cookie)).body;
}
