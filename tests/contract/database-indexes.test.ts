import { useTestCloud } from '../support/local-cloud-harness';

const TOTAL = 100_000;
const DUE = 100;
const BATCH = 5_000;
const NOW = new Date('2026-06-01T00:00:00Z');

/** The escalation timer's hot query must read only the due cases, not the whole collection. */
describe('database indexes', () => {
  const t = useTestCloud({ collections: ['timers', 'late', 'tagged', 'mixed', 'byid'] });
  const _ = () => t.db.command;

  const stats = async () => (await (await fetch(`${t.cloud.baseUrl}/internal/db/stats`)).json()) as Record<string, any>;

  /** Case i is due (dueAt before NOW) for the first DUE cases, later otherwise. */
  const seedTimers = async () => {
    for (let start = 0; start < TOTAL; start += BATCH) {
      const docs = Array.from({ length: BATCH }, (_unused, k) => {
        const i = start + k;
        const dueAt = new Date(NOW.getTime() + (i < DUE ? -60_000 * (i + 1) : 60_000 * i));
        return { _id: `case-${i}`, dueAt, state: i % 2 ? 'open' : 'signed' };
      });
      await t.db.collection('timers').add(docs as never);
    }
  };

  test('a range query on an indexed date field scans only the matching documents out of 100 000', async () => {
    t.database.ensureIndex('timers', ['dueAt']);
    await seedTimers();
    await fetch(`${t.cloud.baseUrl}/internal/db/stats/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { data } = await t.db.collection('timers').where({ dueAt: _().lte(NOW) }).limit(1000).get();
    expect(data).toHaveLength(DUE);
    expect((await stats()).lastQuery).toMatchObject({ scanned: DUE, returned: DUE, usedIndexes: ['dueAt'] });
  }, 120_000);

  test('an index declared after the documents exist is backfilled', async () => {
    await t.db.collection('late').add([{ k: 1 }, { k: 2 }, { k: 3 }] as never);
    t.database.ensureIndex('late', ['k']);
    const { data } = await t.db.collection('late').where({ k: _().in([2, 3]) }).get();
    expect(data.map((d: { k: number }) => d.k)).toEqual([2, 3]);
    expect((await stats()).lastQuery).toMatchObject({ scanned: 2, usedIndexes: ['k'] });
  });

  test('an indexed field holding arrays still matches by element', async () => {
    t.database.ensureIndex('tagged', ['tags']);
    await t.db.collection('tagged').add([{ tags: ['road', 'light'] }, { tags: 'road' }, { tags: 'water' }] as never);
    expect((await t.db.collection('tagged').where({ tags: 'road' }).count()).total).toBe(2);
  });

  test('an indexed query keeps MongoDB type bracketing: a date bound never matches numbers', async () => {
    t.database.ensureIndex('mixed', ['at']);
    await t.db.collection('mixed').add([{ at: 5 }, { at: new Date(5) }, { at: null }, {}] as never);
    expect((await t.db.collection('mixed').where({ at: _().lte(new Date(10)) }).count()).total).toBe(1);
    expect((await t.db.collection('mixed').where({ at: _().eq(null) }).count()).total).toBe(2);
  });

  test('a lookup by _id reads one document', async () => {
    await t.db.collection('byid').add([{ _id: 'x' }, { _id: 'y' }, { _id: 'z' }] as never);
    await t.db.collection('byid').doc('y').get();
    expect((await stats()).lastQuery).toMatchObject({ scanned: 1, usedIndexes: ['_id'] });
  });
});
