/** Talking to a running local cloud over HTTP, as the H5 app does: dev login, function calls, db stats. */
export interface DbStats {
  roundTrips: number;
  documentsScanned: number;
  documentsReturned: number;
  byAction: Record<string, number>;
}

async function postJson(url: string, body: unknown, cookie?: string): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} → HTTP ${res.status}: ${await res.text()}`);
  return res;
}

/** `POST /internal/login {userId}`; returns the `gl_session=…` cookie to send back. */
export async function login(baseUrl: string, userId: string): Promise<string> {
  const res = await postJson(`${baseUrl}/internal/login`, { userId });
  await res.arrayBuffer();
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  if (!cookie.startsWith('gl_session=')) throw new Error(`login as ${userId}: no gl_session cookie (got "${setCookie}")`);
  return cookie;
}

/** One call through the gateway; throws unless the function answered `{ ok: true }`. */
export async function callFn(baseUrl: string, cookie: string, fn: string, action: string, data: unknown): Promise<unknown> {
  const res = await postJson(`${baseUrl}/api/fn/${encodeURIComponent(fn)}`, { action, data }, cookie);
  const body = (await res.json()) as { ok?: boolean; data?: unknown; error?: unknown };
  if (body.ok !== true) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body)}`);
  return body.data;
}

export async function resetDbStats(baseUrl: string): Promise<void> {
  await (await postJson(`${baseUrl}/internal/db/stats/reset`, {})).arrayBuffer();
}

export async function readDbStats(baseUrl: string): Promise<DbStats> {
  const res = await fetch(`${baseUrl}/internal/db/stats`);
  if (!res.ok) throw new Error(`GET /internal/db/stats → HTTP ${res.status}`);
  return (await res.json()) as DbStats;
}

/**
 * What one action costs the database: reset the stats, run the action once, read the stats.
 * Every feature adds its actions to `actions.ts`; run.ts measures each with this.
 */
export async function measureAction(
  baseUrl: string,
  cookie: string,
  fn: string,
  action: string,
  data: unknown,
): Promise<{ roundTrips: number; documentsScanned: number; documentsReturned: number; byAction: Record<string, number> }> {
  await resetDbStats(baseUrl);
  await callFn(baseUrl, cookie, fn, action, data);
  const { roundTrips, documentsScanned, documentsReturned, byAction } = await readDbStats(baseUrl);
  return { roundTrips, documentsScanned, documentsReturned, byAction };
}
