import { chinaInstant } from '../../src/domain/calendar';
import { aHousehold, aResident, functionAs, householdWith, registerAs } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';
import { found } from '../support/contract-call';

/** Issue 15 items 2 and 8: the permission matrix of the register. */
describe('register permissions', () => {
  const t = useFunctionCloud();
  // The care flags below are dated 2026-11-30: the clock sits on that day whatever date the suite runs at.
  beforeEach(() => t.cloud.clock.set(chinaInstant('2026-11-30', '10:00')));
  const base = () => t.cloud.baseUrl;
  const snapshot = async () =>
    Promise.all(['households', 'residents', 'register_changes'].map(async (n) => (await t.db.collection(n).limit(1000).get().catch(() => ({ data: [] }))).data));

  async function flaggedHousehold() {
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }, { name: '刘强', relation: 'child', idNumber: undefined, sex: 'male', birthDate: '1990-05-01', phone: '13700001111', job: 'unemployed' }]);
    const fang = found((await officer('household', { householdId })).data.people.find((p) => p.name === '王芳'), '王芳');
    expect((await officer('setCareFlags', { residentId: residentIds[0], expectedVersion: fang.version, flags: ['elderly_alone', 'key_attention'], occurredOn: '2026-11-30' })).ok).toBe(true);
    return { officer, householdId, residentIds };
  }

  it('a worker sees and writes the households of their own grids only', async () => {
    const { householdId } = await flaggedHousehold();
    const officerA2 = await registerAs(base(), 'user-officer-a2');
    expect((await officerA2('household', { householdId })).error.code).toBe('FORBIDDEN');
    expect((await officerA2('households', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    expect((await officerA2('households', {})).data.items).toEqual([]);
    expect((await officerA2('searchPeople', { by: 'name', text: '王芳' })).data.people).toEqual([]);
    const before = await snapshot();
    expect((await officerA2('saveHousehold', aHousehold('grid-a1'))).error.code).toBe('FORBIDDEN');
    expect((await officerA2('savePerson', aResident(householdId, { name: '外人' }))).error.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    const own = await registerAs(base(), 'user-officer-a1');
    expect((await own('households', {})).data.items.map((h: any) => h.householdId)).toEqual([householdId]);
  });

  it('shows each special group only to the roles allowed to see it', async () => {
    const { householdId } = await flaggedHousehold();
    const labelsFor = async (userId: string) => {
      const answer = await (await registerAs(base(), userId))('household', { householdId });
      return answer.ok ? found(answer.data.people.find((p) => p.name === '王芳'), '王芳').careLabels : answer.error.code;
    };
    expect(await labelsFor('user-officer-a1')).toEqual(['独居老人', '重点关注对象']);
    expect(await labelsFor('user-community-a')).toEqual(['独居老人', '重点关注对象']);
    expect(await labelsFor('user-chief-a')).toEqual(['独居老人']);
    expect(await labelsFor('user-street')).toEqual(['独居老人']);
    expect(await labelsFor('user-community-b')).toBe('FORBIDDEN');
    // A chief may not list a group hidden from chiefs.
    expect((await (await registerAs(base(), 'user-chief-a'))('households', { careGroup: 'key_attention' })).error.code).toBe('FORBIDDEN');
    expect((await (await registerAs(base(), 'user-officer-a1'))('households', { careGroup: 'key_attention' })).data.items.map((h: any) => h.householdId)).toEqual([householdId]);
  });

  it('a chief who cannot see a group cannot clear it either', async () => {
    const { residentIds } = await flaggedHousehold();
    const chief = await registerAs(base(), 'user-chief-a');
    const person = (await chief('searchPeople', { by: 'name', text: '王芳' })).data.people[0];
    expect((await chief('setCareFlags', { residentId: residentIds[0], expectedVersion: person.version, flags: [], occurredOn: '2026-11-30' })).ok).toBe(true);
    const officer = await registerAs(base(), 'user-officer-a1');
    expect((await officer('searchPeople', { by: 'name', text: '王芳' })).data.people[0].careLabels).toEqual(['重点关注对象']);
    expect((await chief('setCareFlags', { residentId: residentIds[0], expectedVersion: person.version + 1, flags: ['key_attention'], occurredOn: '2026-11-30' })).error.code).toBe('INVALID_INPUT');
  });

  it('residents and volunteers never see the register', async () => {
    const { householdId, residentIds } = await flaggedHousehold();
    for (const who of ['user-resident-1', 'user-volunteer-1']) {
      const caller = await registerAs(base(), who);
      const codes = [
        (await caller('households', {})).error?.code,
        (await caller('household', { householdId })).error?.code,
        (await caller('searchPeople', { by: 'name', text: '王芳' })).error?.code,
        (await caller('revealPerson', { residentId: residentIds[0], reason: '代办低保核对身份' })).error?.code,
        (await caller('changes', {})).error?.code,
        (await caller('overdue', {})).error?.code,
      ];
      expect([who, codes]).toEqual([who, Array(6).fill('FORBIDDEN')]);
    }
  });

  it('logs every read of special-group data for the street admin', async () => {
    const { householdId } = await flaggedHousehold();
    await (await registerAs(base(), 'user-chief-a'))('household', { householdId });
    const log = await (await functionAs(base(), 'user-admin', 'org'))('auditLog', { limit: 50 });
    const reads = log.data.entries.filter((e: any) => e.action === 'register.readCareGroups' && e.targetId === householdId);
    expect(reads.map((e: any) => [e.byName, e.fields])).toEqual(expect.arrayContaining([['王秀兰', ['elderly_alone']]]));
    expect(reads.every((e: any) => e.actionLabel === '查看特殊群体信息')).toBe(true);
  });

  it('finds people by name, phone tail, ID tail and address within scope, masked', async () => {
    const { householdId } = await flaggedHousehold();
    const officer = await registerAs(base(), 'user-officer-a1');
    const names = async (by: string, text: string) => (await officer('searchPeople', { by, text })).data.people.map((p: any) => p.name).sort();
    expect(await names('name', '刘')).toEqual(['刘强']);
    expect(await names('phone_tail', '1111')).toEqual(['刘强']);
    expect(await names('phone_tail', '7788')).toEqual(['王芳']);
    expect(await names('id_tail', aResident(householdId).idNumber.slice(-4))).toEqual(['王芳']);
    expect(await names('address', '3栋2单元')).toEqual(['刘强', '王芳']);
    expect((await officer('searchPeople', { by: 'phone_tail', text: '11' })).error.fields).toEqual({ text: '请输入手机号后4位数字' });
  });
});
