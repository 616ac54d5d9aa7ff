import { ObjectId } from 'bson';
import { useTestCloud } from '../support/local-cloud-harness';

/**
 * Behaviour the SDK vendor's own tests (tests/vendor, docs/local-cloud.md) showed the local cloud got
 * wrong, pinned here in our words: regexes, `$elemMatch` on plain values, ObjectId ids, aggregate, and
 * a clear error (never a silent empty result) for what is not emulated.
 */
describe('database: regex, elemMatch, ObjectId, aggregate, unsupported operators', () => {
  const t = useTestCloud();
  const items = () => t.db.collection('cases');
  const _ = () => t.db.command;

  test('a /.*/ regex matches every document: count says 3 and remove deletes 3', async () => {
    await items().add([{ name: 'a' }, { name: 'b' }, { name: 'c' }] as never);
    expect((await items().where({ _id: /.*/ }).count()).total).toBe(3);
    expect((await items().where({ _id: /.*/ }).remove()).deleted).toBe(3);
    expect((await items().count()).total).toBe(0);
  });

  test('JS RegExp and db.RegExp honour options; an option JavaScript lacks is refused by name', async () => {
    await items().add([{ name: 'AbC结尾' }, { name: 'xyz' }] as never);
    expect((await items().where({ name: /^abc/i }).get()).data).toHaveLength(1);
    expect((await items().where({ name: /^abc/ }).get()).data).toHaveLength(0);
    expect((await items().where({ name: t.db.RegExp({ regexp: '结尾$', options: 'i' }) }).get()).data).toHaveLength(1);
    await expect(items().where({ name: t.db.RegExp({ regexp: 'a b', options: 'x' }) }).get()).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('x'),
    });
  });

  test('elemMatch with a field condition matches sub-documents only, not arrays of plain values', async () => {
    await items().add([
      { _id: 'plain', tags: [1, 5, 9] },
      { _id: 'words', tags: ['Go', 'C#'] },
      { _id: 'embedded', tags: [{ value: 1 }, { value: 7 }] },
    ] as never);
    const ids = async (where: object) => (await items().where(where).get()).data.map((d: { _id: string }) => d._id);
    expect(await ids({ tags: _().elemMatch({ value: _().gt(0) }) })).toEqual(['embedded']);
    expect(await ids({ tags: _().elemMatch({ value: _().exists(true) }) })).toEqual(['embedded']);
    expect(await ids({ tags: _().elemMatch(_().gt(4)) })).toEqual(['plain']);
  });

  test('an ObjectId _id is stored, found by ObjectId, answered as its hex string, and stays distinct from that string', async () => {
    const hex = new ObjectId().toHexString();
    const added = await items().add({ _id: t.db.ObjectId({ id: hex }), ref: t.db.ObjectId({ id: hex }), name: 'oid' } as never);
    expect(added.id).toBe(hex);
    const found = await items().where({ _id: t.db.ObjectId({ id: hex }) }).get();
    expect(found.data).toEqual([{ _id: hex, ref: hex, name: 'oid' }]);
    // The string is another id: a second document with it is not a duplicate, and it does not match the ObjectId.
    await items().add({ _id: hex, name: 'string id' } as never);
    expect((await items().where({ _id: t.db.ObjectId({ id: hex }) }).get()).data.map((d: { name: string }) => d.name)).toEqual(['oid']);
    await expect(items().add({ _id: t.db.ObjectId({ id: hex }) } as never)).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    // Updates keep the ObjectId type (a structured clone would turn it into a plain object).
    await items().where({ _id: t.db.ObjectId({ id: hex }) }).update({ name: 'renamed' });
    expect((await items().where({ ref: t.db.ObjectId({ id: hex }) }).get()).data[0]).toEqual({ _id: hex, ref: hex, name: 'renamed' });
  });

  test('aggregate runs mingo pipelines: match, group, sort and lookup', async () => {
    await items().add([
      { _id: 'c1', grid: 'g1', points: 2 },
      { _id: 'c2', grid: 'g1', points: 3 },
      { _id: 'c3', grid: 'g2', points: 10 },
    ] as never);
    await t.db.collection('grids').add([{ _id: 'g1', name: '一网格' }] as never);
    const $ = t.db.command.aggregate;
    const grouped = await items().aggregate().match({ points: _().gte(2) }).group({ _id: '$grid', total: $.sum('$points') }).sort({ _id: 1 }).end();
    expect(grouped.data).toEqual([
      { _id: 'g1', total: 5 },
      { _id: 'g2', total: 10 },
    ]);
    const joined = await items().aggregate().match({ _id: 'c1' }).lookup({ from: 'grids', localField: 'grid', foreignField: '_id', as: 'gridDoc' }).end();
    expect(joined.data[0].gridDoc).toEqual([{ _id: 'g1', name: '一网格' }]);
  });

  test('an operator or stage the local cloud does not emulate answers INVALID_PARAM naming it, never an empty result', async () => {
    await items().add({ loc: { type: 'Point', coordinates: [120, 30] } } as never);
    await expect(items().where({ loc: _().geoNear({ geometry: new t.db.Geo.Point(120, 30), maxDistance: 1000 }) }).get()).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('$nearSphere'),
    });
    await expect(
      items()
        .aggregate()
        .geoNear({ distanceField: 'd', near: new t.db.Geo.Point(120, 30), spherical: true })
        .end(),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('$geoNear') });
  });
});
