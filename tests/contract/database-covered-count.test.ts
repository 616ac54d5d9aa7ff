import fc from 'fast-check';
import { useTestCloud } from '../support/local-cloud-harness';

/**
 * Counts from the index (local-cloud/services/database/query-plan.ts planCoveredCount): when every criteria
 * field is indexed and asked by scalar equality or a number/date range, scalar rows are counted by SQLite
 * without reading documents and only rows holding arrays or sub-documents are read — as MongoDB counts index
 * keys. The same random documents go into an indexed collection and an unindexed twin: every count agrees.
 */
const INDEXED = 'covered_indexed';
const PLAIN = 'covered_plain';

const scalar = fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom('a', 'b', '甲', ''), fc.boolean(), fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))), fc.constant(null));
const value = fc.oneof({ arbitrary: scalar, weight: 6 }, { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 }, { arbitrary: fc.record({ x: scalar }), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
const documents = fc.array(fc.record({ a: value, b: value }), { minLength: 5, maxLength: 40 }).map((rows) =>
  rows.map((row, i) => {
    const doc: Record<string, unknown> = { _id: `c${i}` };
    if (row.a !== undefined) doc.a = row.a;
    if (row.b !== undefined) doc.b = row.b;
    return doc;
  }),
);
type Count = { a: unknown; bOp: 'eq' | 'gt' | 'lte' | 'none'; b: unknown };
const counts: fc.Arbitrary<Count> = fc.record({ a: scalar, bOp: fc.constantFrom<Count['bOp']>('eq', 'gt', 'lte', 'none'), b: scalar });

describe('counts from the index', () => {
  const t = useTestCloud({ collections: [INDEXED, PLAIN] });
  const stats = async () => (await (await fetch(`${t.cloud.baseUrl}/internal/db/stats`)).json()) as Record<string, any>;

  beforeEach(() => {
    t.database.ensureIndex(INDEXED, ['a']);
    t.database.ensureIndex(INDEXED, ['b']);
  });

  const where = (c: Count): Record<string, unknown> => {
    const _ = t.db.command;
    if (c.bOp === 'none') return { a: c.a };
    if (c.bOp === 'eq') return { a: c.a, b: c.b };
    return { a: c.a, b: c.bOp === 'gt' ? _.gt(c.b) : _.lte(c.b) };
  };
  const seed = async (docs: Record<string, unknown>[]) => {
    await t.reset();
    await t.db.collection(INDEXED).add(docs as never);
    await t.db.collection(PLAIN).add(docs as never);
  };

  test('equality and number/date ranges over scalars, arrays, sub-documents, nulls and missing fields: the same count as the full path', () =>
    fc.assert(
      fc.asyncProperty(documents, fc.array(counts, { minLength: 1, maxLength: 6 }), async (docs, queries) => {
        await seed(docs);
        for (const c of queries) {
          const indexed = (await t.db.collection(INDEXED).where(where(c)).count()).total;
          expect([c, indexed]).toEqual([c, (await t.db.collection(PLAIN).where(where(c)).count()).total]);
        }
      }),
      { numRuns: 50, endOnFailure: true },
    ), 120_000);

  test('a grid\'s 2 000 active people are counted without reading them; an array row is still read and judged', async () => {
    const docs: Record<string, unknown>[] = Array.from({ length: 3_000 }, (_unused, i) => ({ _id: `p${i}`, a: i % 3 === 0 ? 'grid-2' : 'grid-1', b: i % 10 === 0 ? 'moved' : 'active' }));
    docs.push({ _id: 'odd', a: ['grid-1', 'grid-9'], b: 'active' });
    await seed(docs);
    const indexed = (await t.db.collection(INDEXED).where({ a: 'grid-1', b: 'active' }).count()).total;
    expect((await stats()).lastQuery.scanned).toBe(1);
    expect(indexed).toBe((await t.db.collection(PLAIN).where({ a: 'grid-1', b: 'active' }).count()).total);
    expect((await stats()).lastQuery.scanned).toBe(3_001);
  });
});
