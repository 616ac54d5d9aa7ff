import { useTestCloud } from '../support/local-cloud-harness';

/**
 * The server (node) SDK's read caps: no limit → 100, limit above 1000 → 1000
 * (@cloudbase/database/src/query.ts Query.get; CloudBase server SDK docs: 默认 100 条，最大 1000 条).
 */
describe('database read limits', () => {
  // One raw, unsigned admin request below (the server-side clamp).
  const t = useTestCloud({ unsignedAdmin: true, collections: ['rows'] });
  const rows = () => t.db.collection('rows');

  beforeEach(async () => {
    const docs = Array.from({ length: 1200 }, (_, i) => ({ i }));
    await rows().add(docs.slice(0, 600) as never);
    await rows().add(docs.slice(600) as never);
  });

  test('a query without limit returns at most 100 documents', async () => {
    expect((await rows().where({}).get()).data).toHaveLength(100);
  });

  test('a limit above 1000 returns at most 1000 documents', async () => {
    expect((await rows().where({}).limit(5000).get()).data).toHaveLength(1000);
  });

  test('a limit under the cap is honoured', async () => {
    expect((await rows().where({}).limit(7).get()).data).toHaveLength(7);
  });

  test('the server clamps a raw request that asks for more than 1000 documents', async () => {
    const res = await fetch(`${t.cloud.baseUrl}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'rows', queryType: 'WHERE', limit: 5000 }),
    });
    const body = (await res.json()) as { data: { list: string[] } };
    expect(body.data.list).toHaveLength(1000);
  });

  test('count is not capped by the read limit', async () => {
    expect((await rows().count()).total).toBe(1200);
  });
});
