import { useTestCloud } from '../support/local-cloud-harness';

/** One document's life through the real SDK: add, get, set, update, remove. */
describe('database documents through the CloudBase SDK', () => {
  const t = useTestCloud();
  const cases = () => t.db.collection('cases');

  test('add returns a 32-character id that get reads back', async () => {
    const { id } = await cases().add({ title: '井盖缺失', points: 3 });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await cases().doc(id!).get();
    expect(data).toEqual([{ _id: id, title: '井盖缺失', points: 3 }]);
  });

  test('add with an array inserts every document and returns their ids in order', async () => {
    const res = await cases().add([{ n: 1 }, { n: 2 }] as never);
    const ids = (res as unknown as { ids: string[] }).ids;
    expect(ids).toHaveLength(2);
    const { data } = await cases().doc(ids[1]).get();
    expect(data[0].n).toBe(2);
  });

  test('add with an existing _id fails with DATABASE_DUPLICATE_WRITE', async () => {
    await cases().add({ _id: 'case-1', n: 1 });
    await expect(cases().add({ _id: 'case-1', n: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  });

  test('dates round-trip as Date objects, also nested in arrays and sub-documents', async () => {
    const reportedAt = new Date('2026-03-01T08:30:00.123Z');
    const { id } = await cases().add({ reportedAt, history: [{ at: reportedAt }], sla: { dueAt: reportedAt } });
    const { data } = await cases().doc(id!).get();
    expect(data[0].reportedAt).toBeInstanceOf(Date);
    expect(data[0].reportedAt.getTime()).toBe(reportedAt.getTime());
    expect(data[0].history[0].at).toBeInstanceOf(Date);
    expect(data[0].sla.dueAt).toBeInstanceOf(Date);
  });

  test('getting a missing document returns an empty list, not an error', async () => {
    const { data } = await cases().doc('nobody').get();
    expect(data).toEqual([]);
  });

  test('set creates a missing document under the given id and reports the upserted id', async () => {
    const res = await cases().doc('grid-7').set({ name: '七网格' });
    expect(res).toMatchObject({ updated: 0, upsertedId: 'grid-7' });
    const { data } = await cases().doc('grid-7').get();
    expect(data).toEqual([{ _id: 'grid-7', name: '七网格' }]);
  });

  test('set replaces the whole document, dropping fields it does not name', async () => {
    await cases().add({ _id: 'c1', a: 1, b: 2 });
    const res = await cases().doc('c1').set({ a: 5 });
    expect(res.updated).toBe(1);
    const { data } = await cases().doc('c1').get();
    expect(data).toEqual([{ _id: 'c1', a: 5 }]);
  });

  test('update merges the given fields and keeps the others', async () => {
    await cases().add({ _id: 'c1', a: 1, b: 2 });
    const res = await cases().doc('c1').update({ a: 9 });
    expect(res.updated).toBe(1);
    const { data } = await cases().doc('c1').get();
    expect(data).toEqual([{ _id: 'c1', a: 9, b: 2 }]);
  });

  test('update of a missing document reports 0 updated and creates nothing', async () => {
    const res = await cases().doc('ghost').update({ a: 1 });
    expect(res.updated).toBe(0);
    expect((await cases().count()).total).toBe(0);
  });

  test('remove deletes one document and reports 1 deleted', async () => {
    await cases().add({ _id: 'c1' });
    const res = await cases().doc('c1').remove();
    expect(res.deleted).toBe(1);
    expect((await cases().doc('c1').get()).data).toEqual([]);
  });

  test('remove of a missing document reports 0 deleted', async () => {
    expect((await cases().doc('ghost').remove()).deleted).toBe(0);
  });

  test('doc get with field returns only the named fields and _id', async () => {
    await cases().add({ _id: 'c1', a: 1, b: 2, c: 3 });
    const { data } = await cases().doc('c1').field({ a: true }).get();
    expect(data).toEqual([{ _id: 'c1', a: 1 }]);
  });

  test('db.serverDate() is stamped with the local cloud clock', async () => {
    t.cloud.clock.set(Date.parse('2026-05-01T00:00:00Z'));
    const { id } = await cases().add({ createdAt: t.db.serverDate() });
    const { data } = await cases().doc(id!).get();
    expect(data[0].createdAt).toBeInstanceOf(Date);
    expect(Math.abs(data[0].createdAt.getTime() - Date.parse('2026-05-01T00:00:00Z'))).toBeLessThan(5000);
  });
});
