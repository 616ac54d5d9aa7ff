import { chinaInstant } from '../../src/domain/calendar';
import { householdWith, registerAs, type RegisterCallFn } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';
import { found } from '../support/contract-call';

/**
 * Issue 15 items 1 and 4: a tenancy ends with a move-out date (登记退租). It stays as the household's rental
 * history, leaves the monthly renter meetings, and makes a dated 退租 change with its 交接单 for the
 * community; a retry with the same request id is answered as done; bad dates and other grids are refused
 * and change nothing.
 */
describe('register tenancy move-out', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const countOf = async (collection: string, where: Record<string, unknown>) => (await t.db.collection(collection).where(where).count()).total;
  const tenancyRecord = async (id: string) => (await t.db.collection('tenancies').doc(id).get()).data[0];

  /** 王芳 lets to 刘强 from 10 Sep; the clock stands at 30 Sep, the eve of National Day. */
  async function aLetFlat(): Promise<{ officer: RegisterCallFn; householdId: string; tenancyId: string; version: number }> {
    t.cloud.clock.set(chinaInstant('2026-09-30', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }, { name: '刘强', relation: 'tenant', idNumber: undefined, sex: 'male', birthDate: '1990-05-01', job: 'employed' }]);
    const saved = await officer('saveTenancy', { requestId: 'tenancy-0001', householdId, landlordName: '王芳', tenantResidentIds: [residentIds[1]], moveInOn: '2026-09-10' });
    expect(saved.ok).toBe(true);
    return { officer, householdId, tenancyId: saved.data.id, version: saved.data.version };
  }

  it('ends the tenancy as history with a dated 退租 change and a 交接单 due after 5 working days', async () => {
    const { officer, householdId, tenancyId, version } = await aLetFlat();
    const ended = await officer('endTenancy', { requestId: 'moveout-0001', tenancyId, expectedVersion: version, moveOutOn: '2026-09-30' });
    expect(ended.ok).toBe(true);
    expect(ended.data).toMatchObject({ id: tenancyId, version: version + 1 });

    const view = (await officer('household', { householdId })).data;
    expect(view.tenancies).toEqual([]);
    expect(view.pastTenancies).toEqual([{ tenancyId, landlordName: '王芳', tenantNames: ['刘强'], moveInOn: '2026-09-10', moveOutOn: '2026-09-30' }]);
    expect(await tenancyRecord(tenancyId)).toMatchObject({ moveInOn: '2026-09-10', moveOutOn: '2026-09-30', moveOut: { requestId: 'moveout-0001', changeId: ended.data.changeId, by: { userId: 'user-officer-a1' } } });

    const staff = await registerAs(base(), 'user-community-a');
    const card = found((await staff('changes', { handoverState: 'pending' })).data.items.find((c) => c.changeId === ended.data.changeId), 'the move-out handover');
    expect(card).toMatchObject({ householdId, kind: 'tenancy_end', kindLabel: '退租', occurredOn: '2026-09-30', summary: '刘强：退租', state: 'recorded', late: false });
    // 30 Sep + 5 working days on the street calendar: 8, 9, 10 (调休 Saturday), 12, 13 Oct.
    expect(card.dueAt).toBe(new Date(chinaInstant('2026-10-14')).toISOString());
    expect(card.handoverDueAt).toBe(new Date(chinaInstant('2026-10-14')).toISOString());
    expect((await staff('acknowledgeHandover', { changeId: card.changeId, expectedVersion: card.version, reply: '已更新出租房屋台账' })).ok).toBe(true);

    // No monthly meeting is due for renters who left: past the due date only the 新租户 交接单 is overdue.
    t.cloud.clock.set(chinaInstant('2026-10-20', '09:00'));
    const overdue = (await officer('overdue', {})).data.items.map((i: any) => i.kind);
    expect(overdue).not.toContain('renter_contact');
    expect((await officer('recordRenterContact', { tenancyId, expectedVersion: version + 1, on: '2026-10-20' })).error).toMatchObject({ code: 'CONFLICT', message: '这条租房登记已于 2026-09-30 退租，不再记录见面' });
  });

  it('a retry of the same request is answered as done and makes one change; another request finds it ended', async () => {
    const { officer, tenancyId, version } = await aLetFlat();
    const input = { requestId: 'moveout-0002', tenancyId, expectedVersion: version, moveOutOn: '2026-09-29' };
    const first = await officer('endTenancy', input);
    const again = await officer('endTenancy', input);
    expect(again).toEqual(first);
    expect(await countOf('register_changes', { kind: 'tenancy_end' })).toBe(1);
    const other = await officer('endTenancy', { ...input, requestId: 'moveout-0003', expectedVersion: first.data.version });
    expect(other.error).toMatchObject({ code: 'CONFLICT', message: '这条租房登记已于 2026-09-29 退租' });
    expect(await countOf('register_changes', { kind: 'tenancy_end' })).toBe(1);
  });

  it('refuses a move-out before the move-in, after today or at a stale version, and changes nothing', async () => {
    const { officer, tenancyId, version } = await aLetFlat();
    const before = await officer('endTenancy', { requestId: 'moveout-0004', tenancyId, expectedVersion: version, moveOutOn: '2026-09-09' });
    expect(before.error).toMatchObject({ code: 'INVALID_INPUT', fields: { moveOutOn: '退租日期不能早于入住日期 2026-09-10' } });
    const future = await officer('endTenancy', { requestId: 'moveout-0005', tenancyId, expectedVersion: version, moveOutOn: '2026-10-01' });
    expect(future.error).toMatchObject({ code: 'INVALID_INPUT', fields: { moveOutOn: '退租日期不能晚于今天' } });
    const badDate = await officer('endTenancy', { requestId: 'moveout-0006', tenancyId, expectedVersion: version, moveOutOn: '2026-02-30' });
    expect(badDate.error.code).toBe('INVALID_INPUT');
    expect(badDate.error.fields.moveOutOn).toMatch(/退租日期/);
    const stale = await officer('endTenancy', { requestId: 'moveout-0007', tenancyId, expectedVersion: version + 5, moveOutOn: '2026-09-30' });
    expect(stale.error.code).toBe('CONFLICT');
    expect(await tenancyRecord(tenancyId)).not.toHaveProperty('moveOutOn');
    expect((await tenancyRecord(tenancyId)).version).toBe(version);
    expect(await countOf('register_changes', { kind: 'tenancy_end' })).toBe(0);
  });

  it('only writers of the tenancy\'s grid end it: another grid\'s officer, another community, residents and volunteers are refused', async () => {
    const { tenancyId, version } = await aLetFlat();
    const input = (n: number) => ({ requestId: `moveout-10${n}0`, tenancyId, expectedVersion: version, moveOutOn: '2026-09-30' });
    for (const [n, userId] of ['user-officer-a2', 'user-community-b', 'user-street', 'user-resident-1', 'user-volunteer-1'].entries()) {
      const answer = await (await registerAs(base(), userId))('endTenancy', input(n));
      expect([userId, answer.error?.code]).toEqual([userId, 'FORBIDDEN']);
    }
    expect(await tenancyRecord(tenancyId)).not.toHaveProperty('moveOutOn');
    // The grid's chief and the community's staff may (write roles in their scope).
    expect((await (await registerAs(base(), 'user-chief-a'))('endTenancy', input(9))).ok).toBe(true);
  });
});
