import fc from 'fast-check';
import { useTestCloud } from '../support/local-cloud-harness';

/**
 * Multikey narrowing (local-cloud/services/database/index-keys.ts, tag 'm'): an index on a field holding an
 * array of scalars keeps one key per element, as MongoDB's multikey index does (CloudBase indexes arrays the
 * same way), so equality / `in` on a scalar — a match when ANY element equals it — reads only the
 * documents holding it. The same random documents go into an indexed collection and an unindexed twin;
 * every query, and every query after random updates and removals, must answer the same from both.
 */
const INDEXED = 'multikey_indexed';
const PLAIN = 'multikey_plain';

const element = fc.oneof(fc.constantFrom('王', '王芳', '芳', 'a', 'A', '\u{20000}', ''), fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.constant(null));
/** Mostly arrays of scalars; sometimes a scalar, a nested array or a sub-document (which stay 'x'), or nothing. */
const value = fc.oneof(
  { arbitrary: fc.array(element, { maxLength: 4 }), weight: 6 },
  { arbitrary: element, weight: 2 },
  { arbitrary: fc.array(fc.array(element, { maxLength: 2 }), { maxLength: 2 }), weight: 1 },
  { arbitrary: fc.record({ x: element }), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);
const documents = fc.array(fc.record({ k: value, g: fc.integer({ min: 0, max: 2 }) }), { minLength: 10, maxLength: 40 }).map((rows) =>
  rows.map((row, i) => {
    const doc: Record<string, unknown> = { _id: `d${String(i).padStart(2, '0')}`, g: row.g };
    if (row.k !== undefined) doc.k = row.k;
    return doc;
  }),
);
type Where = { kind: 'eq' | 'in' | 'eqAndG' | 'gte' | 'null'; a: unknown; b: unknown; g: number };
const wheres: fc.Arbitrary<Where> = fc.record({ kind: fc.constantFrom<Where['kind']>('eq', 'in', 'eqAndG', 'gte', 'null'), a: element, b: element, g: fc.integer({ min: 0, max: 2 }) });

describe('multikey index on arrays of scalars', () => {
  const t = useTestCloud({ collections: [INDEXED, PLAIN] });
  const stats = async () => (await (await fetch(`${t.cloud.baseUrl}/internal/db/stats`)).json()) as Record<string, any>;

  beforeEach(() => {
    t.database.ensureIndex(INDEXED, ['k']);
    t.database.ensureIndex(INDEXED, ['g']);
  });

  const where = (w: Where): Record<string, unknown> => {
    const _ = t.db.command;
    if (w.kind === 'eq') return { k: w.a };
    if (w.kind === 'in') return { k: _.in([w.a, w.b]) };
    if (w.kind === 'eqAndG') return { k: w.a, g: w.g };
    // Null matches missing fields and arrays holding null: the register's search for records without keys.
    if (w.kind === 'null') return { k: null, g: w.g };
    return { k: _.gte(w.a) };
  };
  const read = async (collection: string, w: Where) => (await t.db.collection(collection).where(where(w)).orderBy('_id', 'asc').limit(100).get()).data;
  const seed = async (docs: Record<string, unknown>[]) => {
    await t.reset();
    await t.db.collection(INDEXED).add(docs as never);
    await t.db.collection(PLAIN).add(docs as never);
  };
  const bothSame = async (queries: Where[]) => {
    for (const w of queries) expect(await read(INDEXED, w)).toEqual(await read(PLAIN, w));
  };

  test('equality, in, equality with another field, and ranges answer as the unindexed twin', () =>
    fc.assert(
      fc.asyncProperty(documents, fc.array(wheres, { minLength: 1, maxLength: 6 }), async (docs, queries) => {
        await seed(docs);
        await bothSame(queries);
      }),
      { numRuns: 40, endOnFailure: true },
    ), 120_000);

  test('after updates (set, push, pull, replace by a scalar) and removals the entries follow the documents', () =>
    fc.assert(
      fc.asyncProperty(documents, fc.array(fc.record({ id: fc.integer({ min: 0, max: 9 }), op: fc.constantFrom('set', 'push', 'pull', 'scalar', 'remove'), v: element }), { minLength: 1, maxLength: 6 }), fc.array(wheres, { minLength: 1, maxLength: 4 }), async (docs, changes, queries) => {
        await seed(docs);
        const _ = t.db.command;
        for (const c of changes) {
          const id = `d${String(c.id).padStart(2, '0')}`;
          for (const name of [INDEXED, PLAIN]) {
            const doc = t.db.collection(name).doc(id);
            // push/pull on a non-array would be refused by both alike; keep them to what the twin accepts.
            if (c.op === 'remove') await doc.remove();
            else if (c.op === 'set') await doc.update({ k: [c.v, 'x'] });
            else if (c.op === 'scalar') await doc.update({ k: c.v });
            else await doc.update({ k: c.op === 'push' ? [c.v] : _.remove() }).catch(() => undefined);
          }
        }
        await bothSame(queries);
      }),
      { numRuns: 25, endOnFailure: true },
    ), 120_000);

  test('equality on an element reads only the documents holding it: 2 of 2 000, not all', async () => {
    const docs = Array.from({ length: 2_000 }, (_unused, i) => ({ _id: `p${i}`, k: i % 1000 === 7 ? ['王', '王芳', '芳'] : ['李', `李${i}`, `${i}`], g: i % 2 }));
    await seed(docs);
    const { data } = await t.db.collection(INDEXED).where({ k: '王芳' }).get();
    expect(data.map((d: { _id: string }) => d._id).sort()).toEqual(['p1007', 'p7']);
    expect((await stats()).lastQuery.scanned).toBe(2);
    expect((await stats()).lastQuery.usedIndexes).toContain('k');
    await t.db.collection(PLAIN).where({ k: '王芳' }).get();
    expect((await stats()).lastQuery.scanned).toBe(2_000);
    // Ordered and limited (the register's name search: orderBy name, limit 50) narrows the same way.
    const ordered = await t.db.collection(INDEXED).where({ k: t.db.command.in(['王芳', '李3']), g: 1 }).orderBy('_id', 'asc').limit(50).get();
    expect(ordered.data.map((d: { _id: string }) => d._id)).toEqual(['p1007', 'p3', 'p7']);
    expect((await stats()).lastQuery.scanned).toBeLessThanOrEqual(3);
  });

  test('null reads the records without the field (and arrays holding null), not the others', async () => {
    const docs = Array.from({ length: 1_000 }, (_unused, i) => (i % 250 === 3 ? { _id: `o${i}`, g: 0 } : { _id: `o${i}`, k: i === 10 ? ['a', null] : ['a', `${i}`], g: 0 }));
    await seed(docs);
    const { data } = await t.db.collection(INDEXED).where({ k: null }).get();
    expect(data.map((d: { _id: string }) => d._id).sort()).toEqual(['o10', 'o253', 'o3', 'o503', 'o753']);
    expect((await stats()).lastQuery.scanned).toBe(5);
  });

  test('an `in` of 500 values is still narrowed by the index (the register import looks up 500 hashes at once)', async () => {
    const docs = Array.from({ length: 2_000 }, (_unused, i) => ({ _id: `h${i}`, k: `hash${i}`, g: 0 }));
    await seed(docs);
    const wanted = Array.from({ length: 500 }, (_unused, i) => `hash${i * 4}`);
    const { data } = await t.db.collection(INDEXED).where({ k: t.db.command.in(wanted) }).limit(1000).get();
    expect(data).toHaveLength(500);
    expect((await stats()).lastQuery.scanned).toBe(500);
  });
});
