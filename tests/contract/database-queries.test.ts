import { useTestCloud } from '../support/local-cloud-harness';

/** where / orderBy / skip / limit / count / field through the real SDK, with MongoDB semantics. */
describe('database queries through the CloudBase SDK', () => {
  const t = useTestCloud({ collections: ['timers', 'empty'] });
  const cases = () => t.db.collection('cases');
  const _ = () => t.db.command;
  const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort();

  const seedCases = () =>
    cases().add([
      { _id: 'a', state: 'open', points: 1, grid: { id: 'g1' }, tags: ['road', 'light'] },
      { _id: 'b', state: 'open', points: 5, grid: { id: 'g2' }, tags: ['water'] },
      { _id: 'c', state: 'closed', points: 9, grid: { id: 'g1' }, tags: [], note: null },
      { _id: 'd', state: 'fixed', points: 3 },
    ] as never);

  beforeEach(seedCases);

  test('eq and neq select by value', async () => {
    expect(ids(await cases().where({ state: _().eq('open') }).get())).toEqual(['a', 'b']);
    expect(ids(await cases().where({ state: _().neq('open') }).get())).toEqual(['c', 'd']);
  });

  test('lt lte gt gte compare numbers', async () => {
    expect(ids(await cases().where({ points: _().lt(3) }).get())).toEqual(['a']);
    expect(ids(await cases().where({ points: _().lte(3) }).get())).toEqual(['a', 'd']);
    expect(ids(await cases().where({ points: _().gt(5) }).get())).toEqual(['c']);
    expect(ids(await cases().where({ points: _().gte(5) }).get())).toEqual(['b', 'c']);
  });

  test('in and nin select by a list of values', async () => {
    expect(ids(await cases().where({ state: _().in(['open', 'fixed']) }).get())).toEqual(['a', 'b', 'd']);
    expect(ids(await cases().where({ state: _().nin(['open', 'fixed']) }).get())).toEqual(['c']);
  });

  test('in on an array field matches documents whose array holds any of the values', async () => {
    expect(ids(await cases().where({ tags: _().in(['light', 'water']) }).get())).toEqual(['a', 'b']);
  });

  test('a plain value on an array field matches documents whose array contains it', async () => {
    expect(ids(await cases().where({ tags: 'road' }).get())).toEqual(['a']);
  });

  test('and / or combine conditions', async () => {
    const both = await cases().where(_().and([{ state: 'open' }, { points: _().gt(2) }])).get();
    expect(ids(both)).toEqual(['b']);
    const either = await cases().where(_().or([{ state: 'fixed' }, { points: _().gt(8) }])).get();
    expect(ids(either)).toEqual(['c', 'd']);
    const fieldOr = await cases().where({ points: _().lt(2).or(_().gt(8)) }).get();
    expect(ids(fieldOr)).toEqual(['a', 'c']);
  });

  test('nested dot paths select on sub-document fields', async () => {
    expect(ids(await cases().where({ 'grid.id': 'g1' }).get())).toEqual(['a', 'c']);
    expect(ids(await cases().where({ grid: { id: 'g2' } }).get())).toEqual(['b']);
  });

  test('exists(false) matches documents missing the field, but not those holding null', async () => {
    expect(ids(await cases().where({ note: _().exists(false) }).get())).toEqual(['a', 'b', 'd']);
    expect(ids(await cases().where({ note: _().exists(true) }).get())).toEqual(['c']);
  });

  test('eq null matches both missing fields and null fields, as in MongoDB', async () => {
    expect(ids(await cases().where({ note: _().eq(null) }).get())).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(await cases().where({ grid: _().eq(null) }).get())).toEqual(['d']);
  });

  test('orderBy sorts, skip and limit page through the sorted result', async () => {
    const page = await cases().where({}).orderBy('points', 'desc').skip(1).limit(2).get();
    expect(page.data.map((d: { _id: string }) => d._id)).toEqual(['b', 'd']);
  });

  test('orderBy on two fields sorts by the first, then the second', async () => {
    const res = await cases().orderBy('state', 'asc').orderBy('points', 'desc').get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['c', 'd', 'b', 'a']);
  });

  test('without orderBy documents come back in insertion order', async () => {
    const res = await cases().where({}).get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('count reports how many documents match', async () => {
    expect((await cases().where({ state: 'open' }).count()).total).toBe(2);
    expect((await cases().count()).total).toBe(4);
  });

  test('field keeps only the requested fields', async () => {
    const res = await cases().where({ _id: 'a' }).field({ state: true, 'grid.id': true }).get();
    expect(res.data).toEqual([{ _id: 'a', state: 'open', grid: { id: 'g1' } }]);
  });

  test('dates compare by time in where conditions', async () => {
    await t.db.collection('timers').add([
      { _id: 'due', dueAt: new Date('2026-01-01T00:00:00Z') },
      { _id: 'later', dueAt: new Date('2026-06-01T00:00:00Z') },
    ] as never);
    const res = await t.db.collection('timers').where({ dueAt: _().lte(new Date('2026-02-01T00:00:00Z')) }).get();
    expect(ids(res)).toEqual(['due']);
  });

  test('querying a created collection that never had documents returns an empty list', async () => {
    expect((await t.db.collection('empty').where({ a: 1 }).get()).data).toEqual([]);
  });
});
