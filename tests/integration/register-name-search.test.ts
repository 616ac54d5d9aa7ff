import { ensureDeclaredIndexes } from '../../local-cloud/indexes';
import { nameSearchKeys } from '../../src/domain/register';
import { anIdNumber, householdWith, registerAs } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';

/**
 * Issue 15 item 7 "Find fast": the name search looks up one key of the name (src/domain/register/name-keys.ts)
 * on the multikey-indexed `nameKeys` instead of reading every person of the street, and still answers
 * "contains" within the caller's scope; records written before keys existed are still found, and the
 * admin's key walk (rotateKeys) fills their keys.
 */
describe('register name search by keys', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  // As local-cloud/main.ts and a deployment do (deploy/collections.json); the bare test cloud has none.
  beforeEach(() => ensureDeclaredIndexes(t.database));
  const stats = async () => (await (await fetch(`${base()}/internal/db/stats`)).json()) as { documentsScanned: number; roundTrips: number };
  const resetStats = async () => (await fetch(`${base()}/internal/db/stats/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).arrayBuffer();

  async function people() {
    const a1 = await registerAs(base(), 'user-officer-a1');
    const a2 = await registerAs(base(), 'user-officer-a2');
    const person = (name: string, seq: string, over: Record<string, unknown> = {}) => ({ name, idNumber: anIdNumber('19800101', seq), phone: undefined, relation: 'other', job: 'employed', ...over });
    await householdWith(a1, 'grid-a1', [person('王小明', '101', { relation: 'head' }), person('李明', '102'), person('欧阳娜娜', '103')]);
    // Filler, so a search that read everyone would show in the count: 30 people named without 王 / 明.
    await householdWith(a1, 'grid-a1', Array.from({ length: 30 }, (_unused, i) => person(`赵${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}`, String(200 + i), i === 0 ? { relation: 'head' } : {})), { room: '402' });
    await householdWith(a2, 'grid-a2', [person('王小红', '301', { relation: 'head' })], { address: '示例路12号5栋1单元101' });
    return { a1, a2 };
  }
  const namesOf = (answer: any) => answer.data.people.map((p: any) => p.name).sort();

  it('finds by surname, full name and two characters, only in the caller\'s grids, reading only the people it finds', async () => {
    const { a1, a2 } = await people();
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '王' }))).toEqual(['王小明']);
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '王小明' }))).toEqual(['王小明']);
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '小明' }))).toEqual(['王小明']);
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '明' }))).toEqual(['李明', '王小明']);
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '欧阳' }))).toEqual(['欧阳娜娜']);
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '小红' }))).toEqual([]);
    expect(namesOf(await a2('searchPeople', { by: 'name', text: '王' }))).toEqual(['王小红']);
    // Community staff of community A reach both grids; of community B, nobody here.
    expect(namesOf(await (await registerAs(base(), 'user-community-a'))('searchPeople', { by: 'name', text: '王' }))).toEqual(['王小明', '王小红']);
    expect(namesOf(await (await registerAs(base(), 'user-community-b'))('searchPeople', { by: 'name', text: '王' }))).toEqual([]);
    // Still masked: no ID number or phone in the answer.
    const view = (await a1('searchPeople', { by: 'name', text: '王小明' })).data.people[0];
    expect(JSON.stringify(view)).not.toContain(anIdNumber('19800101', '101'));

    // The residents read for a name: those holding the key (王: 王小明, and 王小红 outside the scope at most), not the 34 people of the street.
    await resetStats();
    await a1('searchPeople', { by: 'name', text: '王' });
    const cost = await stats();
    expect(cost.documentsScanned).toBeLessThanOrEqual(6); // people with the key + their households + the rules and caller reads
    const stored = (await t.db.collection('residents').where({ name: '欧阳娜娜' }).get()).data[0] as { nameKeys: string[] };
    expect(stored.nameKeys).toEqual(nameSearchKeys('欧阳娜娜'));
  });

  it('a record written before keys existed is still found, and the admin\'s key walk fills its keys', async () => {
    const { a1 } = await people();
    const _ = t.db.command;
    await t.db.collection('residents').where({ name: '李明' }).update({ nameKeys: _.remove() });
    expect(((await t.db.collection('residents').where({ name: '李明' }).get()).data[0] as any).nameKeys).toBeUndefined();
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '明' }))).toEqual(['李明', '王小明']);
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '李明' }))).toEqual(['李明']);

    const admin = await registerAs(base(), 'user-admin');
    let after: string | undefined;
    let calls = 0;
    do {
      const batch = await admin('rotateKeys', { limit: 50, ...(after ? { after } : {}) });
      expect(batch.ok).toBe(true);
      after = batch.data.next ?? undefined;
      calls++;
    } while (after && calls < 10);
    expect(((await t.db.collection('residents').where({ name: '李明' }).get()).data[0] as any).nameKeys).toEqual(nameSearchKeys('李明'));
    // No record without keys is left: the fallback lookup reads nothing.
    expect((await t.db.collection('residents').where({ nameKeys: null }).get()).data).toEqual([]);
    expect(namesOf(await a1('searchPeople', { by: 'name', text: '李明' }))).toEqual(['李明']);
  });
});
