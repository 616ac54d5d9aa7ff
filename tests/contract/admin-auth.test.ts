import { request } from 'node:http';
import tcb from '@cloudbase/node-sdk';
import { sign } from '@cloudbase/signature-nodejs';
import { readAdminKeys } from '../../local-cloud/core/admin-keys';
import { startTestCloud, useTestCloud } from '../support/local-cloud-harness';

interface Answer {
  status: number;
  body: Record<string, any>;
}

/** A raw HTTP request with exactly these headers (fetch would not let a test forge Host). */
function rawRequest(baseUrl: string, path: string, options: { method?: string; headers?: Record<string, string | number>; body?: string }): Promise<Answer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, any>) : {} }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Signs an admin request the way @cloudbase/node-sdk does (tcbapirequester.ts getHeaders), with any key pair and time. */
function signedAdmin(baseUrl: string, params: Record<string, unknown>, keys: { secretId: string; secretKey: string }, timestamp = Math.floor(Date.now() / 1000) - 1) {
  const url = `${baseUrl}/admin?env=gridlink-local`;
  const headers = { 'content-type': 'application/json', Host: new URL(baseUrl).host, 'X-Client-Timestamp': Date.now() };
  const { authorization } = sign({ ...keys, method: 'post', url, headers, params, timestamp, withSignedParams: true });
  return { path: '/admin?env=gridlink-local', headers: { ...headers, Authorization: authorization, 'X-Timestamp': timestamp, 'X-Signature-Expires': 600 } };
}

const COUNT = { action: 'database.calculateDocument', collectionName: 'cases', queryType: 'WHERE' };

describe('admin API signatures (TC3-HMAC-SHA256, as @cloudbase/node-sdk signs)', () => {
  const t = useTestCloud();
  const keys = () => t.cloud.adminKeys;
  const post = (params: Record<string, unknown>, signed: ReturnType<typeof signedAdmin>, body = JSON.stringify(params)) =>
    rawRequest(t.cloud.baseUrl, signed.path, { method: 'POST', headers: signed.headers, body });

  test('the key pair is generated on first start, kept in the data dir and reused on restart', async () => {
    expect(readAdminKeys(t.dataDir)).toEqual(keys());
    expect(keys().secretId).toMatch(/^AKID/);
    const again = await startTestCloud({ dataDir: t.dataDir });
    try {
      expect(again.cloud.adminKeys).toEqual(keys());
    } finally {
      await again.stop();
    }
  });

  test('a request signed with the cloud’s keys is answered', async () => {
    const answer = await post(COUNT, signedAdmin(t.cloud.baseUrl, COUNT, keys()));
    expect(answer).toEqual({ status: 200, body: { data: { total: 0 }, requestId: expect.any(String) } });
  });

  test('an unsigned request is refused with SIGN_PARAM_INVALID and does nothing', async () => {
    const insert = { action: 'database.insertDocument', collectionName: 'cases', data: [JSON.stringify({ _id: 'x' })] };
    const answer = await rawRequest(t.cloud.baseUrl, '/admin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(insert) });
    expect(answer.body).toMatchObject({ code: 'SIGN_PARAM_INVALID', message: expect.stringContaining('签名'), requestId: expect.any(String) });
    expect((await t.db.collection('cases').count()).total).toBe(0);
  });

  test('the SDK with the wrong key pair is refused: its call throws SIGN_PARAM_INVALID', async () => {
    const stranger = tcb.init({ env: 'gridlink-local', serviceUrl: `${t.cloud.baseUrl}/admin`, secretId: keys().secretId, secretKey: 'not-the-key' });
    await expect(stranger.database().collection('cases').add({ a: 1 })).rejects.toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    const unknown = tcb.init({ env: 'gridlink-local', serviceUrl: `${t.cloud.baseUrl}/admin`, secretId: 'AKIDsomeoneelse', secretKey: keys().secretKey });
    await expect(unknown.database().collection('cases').count()).rejects.toMatchObject({ code: 'SIGN_PARAM_INVALID', message: expect.stringContaining('SecretId') });
    expect((await t.db.collection('cases').count()).total).toBe(0);
  });

  test('a changed parameter, or one added unsigned, breaks the signature', async () => {
    const signed = signedAdmin(t.cloud.baseUrl, COUNT, keys());
    expect((await post(COUNT, signed, JSON.stringify({ ...COUNT, collectionName: 'users' }))).body.code).toBe('SIGN_PARAM_INVALID');
    const added = await post(COUNT, signed, JSON.stringify({ ...COUNT, query: JSON.stringify({ a: 1 }) }));
    expect(added.body).toMatchObject({ code: 'SIGN_PARAM_INVALID', message: expect.stringContaining('query') });
  });

  test('a stale signature (older than 600 s) and one from the future (over 5 min) are refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await post(COUNT, signedAdmin(t.cloud.baseUrl, COUNT, keys(), now - 601))).body).toMatchObject({ code: 'SIGN_PARAM_INVALID', message: expect.stringContaining('过期') });
    expect((await post(COUNT, signedAdmin(t.cloud.baseUrl, COUNT, keys(), now + 301))).body.code).toBe('SIGN_PARAM_INVALID');
    expect((await post(COUNT, signedAdmin(t.cloud.baseUrl, COUNT, keys(), now - 590))).status).toBe(200);
  });

  test('moving the local clock (tests do) does not make signatures stale: they are checked on real time', async () => {
    t.cloud.clock.advance(3 * 24 * 3600_000);
    expect((await t.db.collection('cases').count()).total).toBe(0);
  });

  test('only a test-mode cloud started with unsignedAdmin skips the check; serve mode ignores the option', async () => {
    const unsigned = await startTestCloud({ unsignedAdmin: true });
    const served = await startTestCloud({ mode: 'serve', unsignedAdmin: true });
    try {
      const raw = (base: string) => rawRequest(base, '/admin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(COUNT) });
      expect((await raw(unsigned.cloud.baseUrl)).body).toMatchObject({ data: { total: 0 } });
      expect((await raw(served.cloud.baseUrl)).body.code).toBe('SIGN_PARAM_INVALID');
    } finally {
      await unsigned.stop();
      await served.stop();
    }
  });
});

describe('Host and Origin checks (DNS rebinding, CSRF) and non-simple test controls', () => {
  const t = useTestCloud();
  const host = () => new URL(t.cloud.baseUrl).host;

  test('a foreign Host is refused on every route with INVALID_HOST', async () => {
    for (const [method, path] of [['GET', '/internal/db/stats'], ['POST', '/admin'], ['GET', '/nothing-here']]) {
      const answer = await rawRequest(t.cloud.baseUrl, path, {
        method,
        headers: { Host: `evil.example:${new URL(t.cloud.baseUrl).port}`, 'content-type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(answer).toEqual({ status: 403, body: { ok: false, error: { code: 'INVALID_HOST', message: expect.stringContaining('evil.example') } } });
    }
    const wrongPort = await rawRequest(t.cloud.baseUrl, '/internal/db/stats', { headers: { Host: '127.0.0.1:1' } });
    expect(wrongPort.status).toBe(403);
  });

  test('the configured host and its loopback alias pass', async () => {
    expect((await rawRequest(t.cloud.baseUrl, '/internal/db/stats', { headers: { Host: host() } })).status).toBe(200);
    expect((await rawRequest(t.cloud.baseUrl, '/internal/db/stats', { headers: { Host: `localhost:${new URL(t.cloud.baseUrl).port}` } })).status).toBe(200);
  });

  test('a foreign Origin is refused with INVALID_REQUEST_SOURCE and changes nothing; the own origin passes', async () => {
    await t.db.collection('cases').add({ _id: 'c1' });
    const reset = (origin: string) =>
      rawRequest(t.cloud.baseUrl, '/internal/reset', { method: 'POST', headers: { Host: host(), Origin: origin, 'content-type': 'application/json' }, body: '{}' });
    for (const origin of ['http://evil.example', 'null', `https://${host()}.evil.example`]) {
      expect(await reset(origin)).toEqual({ status: 403, body: { ok: false, error: { code: 'INVALID_REQUEST_SOURCE', message: expect.any(String) } } });
    }
    expect((await t.db.collection('cases').count()).total).toBe(1);
    expect((await reset(t.cloud.baseUrl)).status).toBe(200);
    expect((await t.db.collection('cases').count()).total).toBe(0);
  });

  test('a test control refuses a "simple" request a cross-site form could send (no JSON content type)', async () => {
    await t.db.collection('cases').add({ _id: 'c1' });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const answer = await rawRequest(t.cloud.baseUrl, '/internal/reset', { method: 'POST', headers: { Host: host(), 'content-type': type }, body: 'a=1' });
      expect(answer).toMatchObject({ status: 415, body: { ok: false, error: { code: 'INVALID_REQUEST_SOURCE', message: expect.stringContaining('application/json') } } });
    }
    expect((await t.db.collection('cases').count()).total).toBe(1);
  });
});
