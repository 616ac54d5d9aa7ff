import { useTestCloud } from '../support/local-cloud-harness';

/** Update operators, multi-document writes and conditional updates through the real SDK. */
describe('database updates through the CloudBase SDK', () => {
  const t = useTestCloud();
  const cases = () => t.db.collection('cases');
  const _ = () => t.db.command;
  const read = async (id: string) => (await cases().doc(id).get()).data[0];

  test('_.set replaces a sub-document instead of merging into it', async () => {
    await cases().add({ _id: 'c1', sla: { level: 1, hours: 2 } });
    await cases().doc('c1').update({ sla: _().set({ level: 2 }) });
    expect((await read('c1')).sla).toEqual({ level: 2 });
  });

  test('a plain object in update merges into the sub-document by dot path', async () => {
    await cases().add({ _id: 'c1', sla: { level: 1, hours: 2 } });
    await cases().doc('c1').update({ sla: { level: 2 } });
    expect((await read('c1')).sla).toEqual({ level: 2, hours: 2 });
  });

  test('_.inc adds to a number and creates a missing one', async () => {
    await cases().add({ _id: 'c1', points: 3 });
    await cases().doc('c1').update({ points: _().inc(2), reminders: _().inc(1) });
    expect(await read('c1')).toMatchObject({ points: 5, reminders: 1 });
  });

  test('_.push appends to an array', async () => {
    await cases().add({ _id: 'c1', tags: ['road'] });
    await cases().doc('c1').update({ tags: _().push(['light', 'night']) });
    expect((await read('c1')).tags).toEqual(['road', 'light', 'night']);
  });

  test('_.pull removes every matching element from an array', async () => {
    await cases().add({ _id: 'c1', tags: ['road', 'light', 'road'] });
    await cases().doc('c1').update({ tags: _().pull('road') });
    expect((await read('c1')).tags).toEqual(['light']);
  });

  test('_.remove deletes a field', async () => {
    await cases().add({ _id: 'c1', assignee: 'u1', state: 'open' });
    await cases().doc('c1').update({ assignee: _().remove() });
    expect(await read('c1')).toEqual({ _id: 'c1', state: 'open' });
  });

  test('nested dot paths update one field inside a sub-document', async () => {
    await cases().add({ _id: 'c1', sla: { level: 1, hours: 2 } });
    await cases().doc('c1').update({ 'sla.level': _().inc(1), 'sla.escalatedAt': new Date(0) });
    const doc = await read('c1');
    expect(doc.sla).toMatchObject({ level: 2, hours: 2 });
    expect(doc.sla.escalatedAt).toBeInstanceOf(Date);
  });

  test('where(...).update() updates every matching document and reports how many', async () => {
    await cases().add([{ s: 'open' }, { s: 'open' }, { s: 'closed' }] as never);
    const res = await cases().where({ s: 'open' }).update({ s: 'escalated' });
    expect(res.updated).toBe(2);
    expect((await cases().where({ s: 'escalated' }).count()).total).toBe(2);
  });

  test('where(...).remove() removes every matching document and reports how many', async () => {
    await cases().add([{ s: 'open' }, { s: 'open' }, { s: 'closed' }] as never);
    const res = await cases().where({ s: 'open' }).remove();
    expect(res.deleted).toBe(2);
    expect((await cases().count()).total).toBe(1);
  });

  test('a conditional update whose version no longer matches reports 0 updated', async () => {
    await cases().add({ _id: 'c1', version: 2, state: 'open' });
    const res = await cases().where({ _id: 'c1', version: 1 }).update({ state: 'closed', version: _().inc(1) });
    expect(res.updated).toBe(0);
    expect(await read('c1')).toMatchObject({ version: 2, state: 'open' });
  });

  test('of 20 concurrent conditional updates on one document exactly one wins', async () => {
    await cases().add({ _id: 'c1', version: 1, owner: null });
    const attempts = Array.from({ length: 20 }, (_unused, i) =>
      cases().where({ _id: 'c1', version: 1 }).update({ owner: `officer-${i}`, version: _().inc(1) }),
    );
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r.updated === 1);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.updated === 0)).toHaveLength(19);
    expect((await read('c1')).version).toBe(2);
  });

  test('an update that changes nothing reports 0 updated, as MongoDB counts modified documents', async () => {
    await cases().add({ _id: 'c1', state: 'open' });
    expect((await cases().doc('c1').update({ state: 'open' })).updated).toBe(0);
  });

  test('dates set by update come back as Date objects', async () => {
    await cases().add({ _id: 'c1' });
    const closedAt = new Date('2026-04-02T10:00:00Z');
    await cases().doc('c1').update({ closedAt });
    const doc = await read('c1');
    expect(doc.closedAt).toBeInstanceOf(Date);
    expect(doc.closedAt.getTime()).toBe(closedAt.getTime());
  });
  test('where(…).updateAndReturn updates the first match only and answers it as it is after the update', async () => {
    await cases().add([
      { _id: 'c1', state: 'open', reminders: 0 },
      { _id: 'c2', state: 'open', reminders: 0 },
    ]);
    const result = await cases().where({ state: 'open' }).updateAndReturn({ reminders: _().inc(1), state: 'sent' });
    expect(result).toMatchObject({ updated: 1, doc: { _id: 'c1', state: 'sent', reminders: 1 } });
    expect(await read('c1')).toEqual({ _id: 'c1', state: 'sent', reminders: 1 });
    expect(await read('c2')).toEqual({ _id: 'c2', state: 'open', reminders: 0 });
    const none = await cases().where({ state: 'closed' }).updateAndReturn({ reminders: _().inc(1) });
    expect(none.updated).toBe(0);
    expect(none.doc).toBeFalsy();
  });
});
