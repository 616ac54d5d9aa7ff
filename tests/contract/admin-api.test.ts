import { startTestCloud, useTestCloud } from '../support/local-cloud-harness';

/** The admin API envelope and the test-only controls (raw requests: signatures are checked in admin-auth.test.ts). */
describe('admin API', () => {
  const t = useTestCloud({ unsignedAdmin: true, collections: ['x'] });
  const postAdmin = async (body: unknown) => {
    const res = await fetch(`${t.cloud.baseUrl}/admin?env=gridlink-local&seqId=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  test('a successful action answers HTTP 200 with data and a requestId', async () => {
    const { status, body } = await postAdmin({ action: 'database.calculateDocument', collectionName: 'x', queryType: 'WHERE' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { total: 0 }, requestId: expect.any(String) });
  });

  test('an unknown action answers a code the SDK throws as an error', async () => {
    const { body } = await postAdmin({ action: 'nope.nothing' });
    expect(body).toMatchObject({ code: 'INVALID_ACTION', requestId: expect.any(String) });
  });

  test('a malformed query answers INVALID_PARAM', async () => {
    const { body } = await postAdmin({ action: 'database.getDocument', collectionName: 'x', query: '{not json' });
    expect(body.code).toBe('INVALID_PARAM');
  });

  test('each database action counts as one round trip in the stats', async () => {
    await fetch(`${t.cloud.baseUrl}/internal/db/stats/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await t.db.collection('x').add({ a: 1 });
    await t.db.collection('x').where({ a: 1 }).get();
    const stats = (await (await fetch(`${t.cloud.baseUrl}/internal/db/stats`)).json()) as Record<string, any>;
    expect(stats.roundTrips).toBe(2);
    expect(stats.lastQuery).toMatchObject({ collection: 'x', scanned: 1, returned: 1 });
  });

  test('POST /internal/reset wipes documents', async () => {
    await t.db.collection('x').add({ a: 1 });
    await fetch(`${t.cloud.baseUrl}/internal/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await t.db.collection('x').count()).total).toBe(0);
  });

  test('in serve mode the /internal controls do not exist', async () => {
    const served = await startTestCloud({ mode: 'serve' });
    try {
      expect((await fetch(`${served.cloud.baseUrl}/internal/db/stats`)).status).toBe(404);
      expect((await fetch(`${served.cloud.baseUrl}/internal/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
    } finally {
      await served.stop();
    }
  });
});
