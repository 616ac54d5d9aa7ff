import { chinaInstant } from '../../src/domain/calendar';
import { draftRegisterChange } from '../../cloudfunctions/_lib/register';
import { aReport } from '../support/case-builders';
import { newRequestId } from '../support/org-builders';
import { functionAs, householdWith, registerAs } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';
import { found } from '../support/contract-call';

/**
 * Issue 15 item 5: a change reported by other work (here: a visit) is a draft the worker confirms; until
 * then it is on the overdue lists once its register deadline (5 working days) has passed.
 */
describe('register drafts from other work', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  it('a visit drafts a move-out once, the worker sees it overdue, confirms it, and it is recorded late', async () => {
    t.cloud.clock.set(chinaInstant('2026-11-30', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const facts = { householdId, residentId: residentIds[0], kind: 'move_out' as const, occurredOn: '2026-11-30', subject: '王芳', source: 'visit' as const, sourceId: 'visit-0001' };
    const id = await draftRegisterChange(t.db as never, facts, new Date(chinaInstant('2026-11-30', '11:00')));
    expect(await draftRegisterChange(t.db as never, facts, new Date(chinaInstant('2026-11-30', '11:05')))).toBe(id);
    expect(await draftRegisterChange(t.db as never, { ...facts, householdId: 'hh-unknown' }, new Date())).toBeNull();

    t.cloud.clock.set(chinaInstant('2026-12-08', '09:00'));
    const overdue = (await officer('overdue', {})).data.items.filter((i: any) => i.kind === 'change_unconfirmed');
    expect(overdue.map((i: any) => [i.targetId, i.summary])).toEqual([[id, '王芳：迁出']]);
    expect((await (await registerAs(base(), 'user-officer-a2'))('confirmChange', { changeId: id, expectedVersion: 1 })).error.code).toBe('FORBIDDEN');
    expect((await officer('confirmChange', { changeId: id, expectedVersion: 1 })).ok).toBe(true);
    expect((await officer('overdue', {})).data.items.filter((i: any) => i.kind === 'change_unconfirmed')).toEqual([]);
    const change = (await officer('changes', {})).data.items.find((c: any) => c.changeId === id);
    expect(change).toMatchObject({ state: 'recorded', late: true });
    expect((await officer('confirmChange', { changeId: id, expectedVersion: 2 })).error.code).toBe('CONFLICT');
  });
});

/**
 * Issue 15 item 5 end to end: the originating actions themselves draft — a visit noting a change (in the
 * visit's own transaction), a 人口房屋变动 case and a 八必报 rental report (after the case, idempotently) —
 * once per source even when retried; only the grid's worker may note or handle them; the worker confirms
 * (the 交接单 then goes to the community) or dismisses.
 */
describe('register drafts from visits and cases', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const allChanges = async () => (await t.db.collection('register_changes').limit(1000).get()).data as any[];

  it('a visit noting a move-out drafts once with the visit; the worker confirms it and the community gets the 交接单', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const visits = await functionAs(base(), 'user-officer-a1', 'worklog');
    const visit = { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', householdId, notes: '王芳已搬去女儿家住', registerChange: { kind: 'move_out', subject: '王芳', residentId: residentIds[0] } };
    const first = await visits('recordVisit', visit);
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    expect(await visits('recordVisit', visit)).toMatchObject({ ok: true, data: { visitId: first.data.visitId, created: false } });
    const drafted = (await allChanges()).filter((c) => c.source === 'visit');
    expect(drafted).toHaveLength(1);
    const stored = (await t.db.collection('visits').doc(first.data.visitId).get()).data[0];
    expect(stored.registerChangeId).toBe(drafted[0]._id);

    const { data: list } = await officer('drafts', {});
    expect(list.items.map((c: any) => [c.summary, c.sourceLabel, c.state, c.occurredOn])).toEqual([['王芳：迁出', '来自走访', 'draft', '2026-12-01']]);
    // Not a 交接单 until confirmed: the community sees nothing yet.
    const staff = await registerAs(base(), 'user-community-a');
    expect((await staff('changes', {})).data.items.map((c: any) => c.changeId)).not.toContain(drafted[0]._id);
    expect((await staff('acknowledgeHandover', { changeId: drafted[0]._id, expectedVersion: 1, reply: '' })).error.code).toBe('CONFLICT');

    // Another grid's worker neither sees, confirms, dismisses, nor notes a change on this household.
    const other = await registerAs(base(), 'user-officer-a2');
    expect((await other('drafts', {})).data.items).toEqual([]);
    expect((await other('confirmChange', { changeId: drafted[0]._id, expectedVersion: 1 })).error.code).toBe('FORBIDDEN');
    expect((await other('dismissChange', { changeId: drafted[0]._id, expectedVersion: 1 })).error.code).toBe('FORBIDDEN');
    const otherVisits = await functionAs(base(), 'user-officer-a2', 'worklog');
    expect((await otherVisits('recordVisit', { ...visit, requestId: newRequestId('visit'), gridId: 'grid-a2' })).ok).toBe(false);
    expect((await allChanges()).filter((c) => c.source === 'visit')).toHaveLength(1);

    t.cloud.clock.set(chinaInstant('2026-12-03', '09:00'));
    expect((await officer('confirmChange', { changeId: drafted[0]._id, expectedVersion: 1 })).ok).toBe(true);
    expect((await officer('drafts', {})).data.items).toEqual([]);
    const handover = found((await staff('changes', {})).data.items.find((c) => c.changeId === drafted[0]._id), 'the confirmed draft');
    // Acknowledgement deadline counted from the day it was confirmed (5 working days: Thu 3 → Thu 10), not from the draft (Tue 1 → Tue 8).
    expect(handover).toMatchObject({ state: 'recorded', late: false, handoverState: 'pending', source: 'visit' });
    expect(Date.parse(handover.handoverDueAt)).toBeGreaterThan(chinaInstant('2026-12-09', '23:59'));
    expect(Date.parse(handover.handoverDueAt)).toBeLessThanOrEqual(chinaInstant('2026-12-11'));
    expect((await staff('acknowledgeHandover', { changeId: drafted[0]._id, expectedVersion: 2, reply: '已更新底册' })).ok).toBe(true);
  });

  it('a visit noting a change on a household of another grid, or without a household, drafts nothing and records no visit', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const visits = await functionAs(base(), 'user-officer-a1', 'worklog');
    const wrongGrid = await visits('recordVisit', { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', householdId: 'hh-nowhere', notes: '走访', registerChange: { kind: 'birth', subject: '新生儿' } });
    expect(wrongGrid.ok).toBe(false);
    const noHousehold = await visits('recordVisit', { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', buildingId: 'building-x', notes: '走访', registerChange: { kind: 'birth', subject: '新生儿' } });
    expect(noHousehold.error).toMatchObject({ code: 'INVALID_INPUT', fields: { householdId: '登记户况变动请选择住户' } });
    const notMember = await visits('recordVisit', { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', householdId, notes: '走访', registerChange: { kind: 'move_out', subject: '某人', residentId: 'res-nobody' } });
    expect(notMember.error).toMatchObject({ code: 'INVALID_INPUT', fields: { residentId: '此人不在这一户' } });
    expect(await allChanges()).toHaveLength(0);
    expect((await t.db.collection('visits').limit(10).get()).data).toHaveLength(0);
  });

  it('a 人口房屋变动 case and a 八必报 rental report draft once each; other categories, residents and other grids are refused', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const cases = await functionAs(base(), 'user-officer-a1', 'case');
    const moveIn = aReport({ categoryId: 'population_change', description: '3栋301新迁入一人', register: { householdId, kind: 'move_in', subject: '李明' } });
    const filed = await cases('report', moveIn);
    expect(filed).toMatchObject({ ok: true, data: { created: true } });
    // Retried the next day: the same case, the same draft (dated by the filing, not the retry).
    t.cloud.clock.set(chinaInstant('2026-12-02', '10:00'));
    expect(await cases('report', moveIn)).toMatchObject({ ok: true, data: { caseId: filed.data.caseId, created: false } });
    const rental = aReport({ categoryId: 'population_change', description: '八必报：居民房屋出租，3栋301出租给新租户', register: { householdId, kind: 'new_tenant', subject: '新租户' } });
    expect((await cases('report', rental)).ok).toBe(true);
    const drafted = (await allChanges()).filter((c) => c.source === 'case');
    expect(drafted.map((c) => [c.summary, c.occurredOn, c.sourceId === filed.data.caseId]).sort()).toEqual([
      ['新租户：新租户', '2026-12-02', false],
      ['李明：迁入', '2026-12-01', true],
    ]);

    const casesBefore = (await t.db.collection('cases').limit(100).get()).data.length;
    expect((await cases('report', aReport({ register: { householdId, kind: 'move_in', subject: '李明' } }))).error).toMatchObject({ code: 'INVALID_INPUT', fields: { register: '只有人口房屋变动类事件可以关联户况' } });
    const resident = await functionAs(base(), 'user-resident-1', 'case');
    expect((await resident('report', aReport({ categoryId: 'population_change', register: { householdId, kind: 'move_in', subject: '李明' } }))).error.code).toBe('FORBIDDEN');
    const otherOfficer = await functionAs(base(), 'user-officer-a2', 'case');
    expect((await otherOfficer('report', aReport({ gridId: 'grid-a2', categoryId: 'population_change', register: { householdId, kind: 'move_in', subject: '李明' } }))).error.code).toBe('FORBIDDEN');
    expect((await t.db.collection('cases').limit(100).get()).data.length).toBe(casesBefore);
    expect((await allChanges()).filter((c) => c.source === 'case')).toHaveLength(2);

    // The worker dismisses the rental note (nothing changed): off the drafts and the overdue lists, kept with why.
    const rentalDraft = drafted.find((c) => c.kind === 'new_tenant')!;
    expect((await officer('dismissChange', { changeId: rentalDraft._id, expectedVersion: 1, reason: '核实后房屋未出租' })).ok).toBe(true);
    expect((await officer('dismissChange', { changeId: rentalDraft._id, expectedVersion: 2 })).error.code).toBe('CONFLICT');
    expect((await officer('drafts', {})).data.items.map((c: any) => c.summary)).toEqual(['李明：迁入']);
    t.cloud.clock.set(chinaInstant('2027-01-15', '10:00'));
    expect((await officer('overdue', {})).data.items.filter((i: any) => i.kind === 'change_unconfirmed').map((i: any) => i.summary)).toEqual(['李明：迁入']);
    expect((await t.db.collection('register_changes').doc(rentalDraft._id).get()).data[0]).toMatchObject({ state: 'dismissed', dismissReason: '核实后房屋未出租', dismissedBy: { userId: 'user-officer-a1' } });
  });
});
