import { z } from 'zod';
import { collectionOf, inTransaction, MAX_PAGE } from '../../cloudfunctions/_lib/records';
import type { Database } from '../../cloudfunctions/_lib/app';
import { DomainError } from '../../src/domain/errors';
import { useTestCloud } from '../support/local-cloud-harness';

/** Issue 9 item 1: the one typed accessor, through the real SDK against the local cloud. */
const thingSchema = z.object({
  _id: z.string(),
  group: z.string(),
  rank: z.number().int(),
  at: z.date(),
  version: z.number().int(),
});
type Thing = z.infer<typeof thingSchema>;
const aThing = (id: string, over: Partial<Thing> = {}): Thing => ({ _id: id, group: 'g', rank: 0, at: new Date('2026-12-01T00:00:00Z'), version: 1, ...over });

describe('collectionOf: load, insertOnce, versioned update, paging', () => {
  const t = useTestCloud({ collections: ['things'] });
  const things = () => collectionOf(t.db as unknown as Database, 'things', thingSchema);

  it('load answers the parsed document (dates as Date) or null; require names what is missing', async () => {
    await things().insertOnce(aThing('t1', { rank: 5 }));
    const loaded = await things().load('t1');
    expect(loaded).toEqual(aThing('t1', { rank: 5 }));
    expect(loaded?.at).toBeInstanceOf(Date);
    expect(await things().load('nope')).toBeNull();
    const err = await things().require('nope', '物品').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: '物品不存在或已删除' });
  });

  it('a stored document that breaks its schema fails loudly, naming the collection, id and field', async () => {
    await t.db.collection('things').add({ _id: 'bad', group: 'g', rank: 'high', at: new Date(), version: 1 });
    await expect(things().load('bad')).rejects.toThrow(/things\/bad.*rank/);
  });

  it('insertOnce writes once; the retry gets the stored document back and changes nothing', async () => {
    const first = await things().insertOnce(aThing('once', { rank: 1 }));
    const again = await things().insertOnce(aThing('once', { rank: 2 }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, doc: aThing('once', { rank: 1 }) });
    expect((await t.db.collection('things').get()).data).toHaveLength(1);
  });

  it('insertAllOnce writes a batch in one go and, on a retry, completes only what is missing', async () => {
    await things().insertOnce(aThing('b2', { rank: 99 }));
    const created = await things().insertAllOnce([aThing('b1'), aThing('b2'), aThing('b3'), aThing('b1')]);
    expect(created).toBe(2);
    const stored = (await things().loadMany(['b1', 'b2', 'b3', 'missing'])).sort((a, b) => a._id.localeCompare(b._id));
    expect(stored.map((s) => [s._id, s.rank])).toEqual([['b1', 0], ['b2', 99], ['b3', 0]]);
    expect(await things().insertAllOnce([])).toBe(0);
  });

  it('update writes only at the version read and bumps it; a stale version is CONFLICT and writes nothing', async () => {
    await things().insertOnce(aThing('v'));
    const read = await things().require('v', '物品');
    expect(await things().update(read, { rank: 7 })).toBe(2);
    await expect(things().update(read, { rank: 8 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await things().load('v')).toMatchObject({ rank: 7, version: 2 });
    // An extra condition that no longer holds is a conflict too.
    await expect(things().update({ _id: 'v', version: 2 }, { rank: 9 }, { group: 'other' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('updateWhere is a conditional write that says how many it changed', async () => {
    await things().insertAllOnce([aThing('c1', { group: 'x' }), aThing('c2', { group: 'y' })]);
    expect(await things().updateWhere({ _id: 'c1', group: 'x' }, { group: 'claimed' })).toBe(1);
    expect(await things().updateWhere({ _id: 'c1', group: 'x' }, { group: 'again' })).toBe(0);
  });

  it('page walks every match exactly once in order, ties broken by _id, and says when there is no more', async () => {
    // 25 things with only 5 distinct ranks: a cursor on rank alone would skip or repeat.
    const docs = Array.from({ length: 25 }, (_, i) => aThing(`p${String(i).padStart(2, '0')}`, { rank: i % 5, group: i === 3 ? 'other' : 'g' }));
    await things().insertAllOnce(docs);
    const seen: Thing[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const got: { items: Thing[]; next: string | null } = await things().page({ group: 'g' }, { orderBy: ['rank', 'desc'], after, limit: 7 });
      seen.push(...got.items);
      after = got.next;
      pages++;
    } while (after);
    const expected = docs.filter((d) => d.group === 'g').sort((a, b) => b.rank - a.rank || b._id.localeCompare(a._id));
    expect(seen.map((s) => s._id)).toEqual(expected.map((d) => d._id));
    expect(pages).toBe(4); // 24 matches: 7 + 7 + 7 + 3
  });

  it('page orders by date fields across pages, and an exact last page has no next', async () => {
    const base = Date.parse('2026-12-01T00:00:00Z');
    await things().insertAllOnce(Array.from({ length: 6 }, (_, i) => aThing(`d${i}`, { at: new Date(base + (i % 3) * 60_000) })));
    const one = await things().page({}, { orderBy: ['at', 'asc'], limit: 3 });
    const two = await things().page({}, { orderBy: ['at', 'asc'], limit: 3, after: one.next });
    expect([...one.items, ...two.items].map((d) => d._id)).toEqual(['d0', 'd3', 'd1', 'd4', 'd2', 'd5']);
    expect(two.next).toBeNull();
  });

  it('a forged cursor is a clear input error; a limit over CloudBase’s 1000 is refused', async () => {
    await expect(things().page({}, { after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(things().page({}, { limit: MAX_PAGE + 1 })).rejects.toThrow(RangeError);
  });

  it('all reads past the 1000-per-query cap and refuses to truncate silently beyond max', async () => {
    await things().insertAllOnce(Array.from({ length: 1005 }, (_, i) => aThing(`a${String(i).padStart(4, '0')}`)));
    expect(await things().all({ group: 'g' })).toHaveLength(1005);
    await expect(things().all({ group: 'g' }, { max: 1000 })).rejects.toThrow(/more than 1000/);
  });
});

describe('collectionOf().aggregate: one round trip, rows parsed, never cut short', () => {
  const t = useTestCloud({ collections: ['things', 'owners', 'labels'] });
  const db = () => t.db as unknown as Database;
  const things = () => collectionOf(db(), 'things', thingSchema);
  const groupRow = z.object({ _id: z.string(), total: z.number(), last: z.date() });

  it('answers the pipeline’s rows parsed with the row schema (dates as Date), in one round trip', async () => {
    await things().insertAllOnce([aThing('a1', { group: 'x', rank: 2 }), aThing('a2', { group: 'x', rank: 3 }), aThing('a3', { group: 'y', rank: 5 })]);
    const $ = db().command.aggregate;
    t.database.stats.reset();
    const rows = await things().aggregate((p) => p.match({ rank: db().command.gte(0) }).group({ _id: '$group', total: $.sum('$rank'), last: $.max('$at') }).sort({ _id: 1 }), groupRow);
    expect(t.database.stats.roundTrips).toBe(1);
    expect(rows).toEqual([{ _id: 'x', total: 5, last: new Date('2026-12-01T00:00:00Z') }, { _id: 'y', total: 5, last: new Date('2026-12-01T00:00:00Z') }]);
    expect(rows[0].last).toBeInstanceOf(Date);
  });

  it('sets the row limit itself: more than 20 rows come back whole (CloudBase’s default would cut at 20)', async () => {
    await things().insertAllOnce(Array.from({ length: 30 }, (_, i) => aThing(`r${i}`)));
    expect(await things().aggregate((p) => p.match({ group: 'g' }).project({ _id: 1 }), z.object({ _id: z.string() }))).toHaveLength(30);
  });

  it('more rows than max is an error, the caller’s own when given, never a shorter answer', async () => {
    await things().insertAllOnce(Array.from({ length: 6 }, (_, i) => aThing(`m${i}`)));
    const ids = z.object({ _id: z.string() });
    expect(await things().aggregate((p) => p.match({}), ids, { max: 6 })).toHaveLength(6);
    await expect(things().aggregate((p) => p.match({}), ids, { max: 5 })).rejects.toThrow(RangeError);
    const narrow = new DomainError('CONFLICT', '数据量太大，请缩小范围');
    await expect(things().aggregate((p) => p.match({}), ids, { max: 5, tooMany: narrow })).rejects.toBe(narrow);
  });

  it('$lookup joins other collections in the same round trip; an array localField nothing matches joins [] (as MongoDB)', async () => {
    await things().insertOnce(aThing('hub', { group: 'h' }));
    await t.db.collection('owners').add([{ _id: 'o1', group: 'h' }]);
    await t.db.collection('labels').add([{ _id: 'l1', ownerId: 'o1', text: '一' }, { _id: 'l2', ownerId: 'o9', text: '九' }]);
    const $ = db().command.aggregate;
    const row = z.object({ _id: z.string(), owners: z.array(z.object({ _id: z.string() })), labels: z.array(z.object({ _id: z.string(), text: z.string() })), none: z.array(z.object({ _id: z.string() })) });
    t.database.stats.reset();
    const [hub] = await things().aggregate(
      (p) =>
        p
          .match({ _id: 'hub' })
          .lookup({ from: 'owners', localField: 'group', foreignField: 'group', as: 'owners' })
          .lookup({ from: 'labels', localField: 'owners._id', foreignField: 'ownerId', as: 'labels' })
          .lookup({ from: 'owners', pipeline: $.pipeline().match({ group: 'nobody' }).done(), as: 'nobodies' })
          .lookup({ from: 'labels', localField: 'nobodies._id', foreignField: 'ownerId', as: 'none' }),
      row,
    );
    expect(t.database.stats.roundTrips).toBe(1);
    expect(hub.labels).toEqual([{ _id: 'l1', text: '一' }]);
    expect(hub.none).toEqual([]);
  });

  it('a row that breaks its schema fails loudly, naming the collection and the field', async () => {
    await things().insertOnce(aThing('bad-row'));
    await expect(things().aggregate((p) => p.match({}).project({ rank: '$group' }), z.object({ _id: z.string(), rank: z.number() }))).rejects.toThrow(/things aggregation\/bad-row.*rank/);
  });
});

describe('inTransaction: several documents change together or not at all', () => {
  const t = useTestCloud({ collections: ['things'] });
  const db = () => t.db as unknown as Database;
  const things = () => collectionOf(db(), 'things', thingSchema);

  it('commits every write of the callback together, and answers what the callback returned', async () => {
    await things().insertOnce(aThing('from', { rank: 10 }));
    const answer = await inTransaction(db(), async (tx) => {
      const inTx = tx.collectionOf('things', thingSchema);
      const from = await inTx.require('from', '物品');
      await inTx.update(from, { rank: from.rank - 3 });
      await inTx.insert(aThing('to', { rank: 3 }));
      return 'moved';
    });
    expect(answer).toBe('moved');
    expect((await things().loadMany(['from', 'to'])).map((d) => [d._id, d.rank, d.version]).sort()).toEqual([['from', 7, 2], ['to', 3, 1]]);
  });

  it('a domain error inside rolls every write back and reaches the caller unchanged', async () => {
    await things().insertOnce(aThing('keep', { rank: 10 }));
    const err = await inTransaction(db(), async (tx) => {
      const inTx = tx.collectionOf('things', thingSchema);
      await inTx.update(await inTx.require('keep', '物品'), { rank: 0 });
      await inTx.insert(aThing('never'));
      throw new DomainError('CONFLICT', '本年度积分不足');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'CONFLICT', message: '本年度积分不足' });
    expect(await things().load('keep')).toMatchObject({ rank: 10, version: 1 });
    expect(await things().load('never')).toBeNull();
  });

  it('concurrent transactions on one document: each conflict is retried, so every increment lands exactly once', async () => {
    await things().insertOnce(aThing('counter', { rank: 0 }));
    const increments = 8;
    await Promise.all(
      Array.from({ length: increments }, () =>
        inTransaction(db(), async (tx) => {
          const inTx = tx.collectionOf('things', thingSchema);
          const c = await inTx.require('counter', '物品');
          await inTx.set({ ...c, rank: c.rank + 1 });
        }),
      ),
    );
    expect(await things().load('counter')).toMatchObject({ rank: increments });
  });

  it('a stale version read outside is CONFLICT inside, and nothing is written', async () => {
    await things().insertOnce(aThing('v', { rank: 1 }));
    const stale = await things().require('v', '物品');
    await things().update(stale, { rank: 2 });
    await expect(inTransaction(db(), async (tx) => tx.collectionOf('things', thingSchema).update(stale, { rank: 3 }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await things().load('v')).toMatchObject({ rank: 2, version: 2 });
  });
});
