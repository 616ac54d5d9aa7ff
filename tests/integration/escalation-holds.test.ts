import { useFunctionCloud } from './function-cloud';
import { aReport, advanceClock, caseCaller, runEscalate, setClock, type CaseCall } from '../support/case-builders';

/** Issue 12 items 2–3: emergencies are chased within hours; a 督办 holds the case at its level. */
describe('escalation: emergencies and 督办 holds', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const MIN = 60_000;
  const stored = async (caseId: string) => (await t.db.collection('cases').doc(caseId).get()).data[0];
  // The timeline is stored in the case, written with each step (issue 9 item 3).
  const escalations = async (caseId: string) => ((await stored(caseId)).timeline as any[]).filter((e) => e.type === 'escalate').map((e) => e.level);
  const act = (call: CaseCall, caseId: string, expectedVersion: number, command: Record<string, unknown>) => call('act', { caseId, expectedVersion, command });

  it('a gas leak reported on a Saturday night is on the street list at once and with the leader in charge 30 minutes later if nobody signs', async () => {
    await setClock(base(), '2026-12-12T22:00:00+08:00'); // Saturday, no working time for 34 hours
    const resident = await caseCaller(base(), 'user-resident-1');
    const { caseId } = (await resident('report', aReport({ categoryId: 'gas', description: '楼道里有很重的煤气味' }))).data;
    // The report itself notifies community and street (PRODUCT.md §4); the sweep then has nothing to do.
    expect(await escalations(caseId)).toEqual(['street']);
    expect((await runEscalate(base())).data.escalated).toBe(0);
    expect(await stored(caseId)).toMatchObject({ overdueLevel: 'street', deadlineKind: 'emergency_sign_for', escalatesTo: 'street_leader' });
    expect(new Date((await stored(caseId)).dueAt).toISOString()).toBe('2026-12-12T14:30:00.000Z'); // 22:30 China time

    await advanceClock(base(), 25 * MIN); // 22:25: past 80 % — the grid is reminded, nothing escalates
    expect((await runEscalate(base())).data).toMatchObject({ escalated: 0, warned: 1 });
    const officer = await caseCaller(base(), 'user-officer-a1');
    expect((await officer('notifications', {})).data.items.map((n: any) => n.kind)).toContain('case_near_due');

    await advanceClock(base(), 6 * MIN); // 22:31
    expect((await runEscalate(base())).data.escalated).toBe(1);
    expect(await escalations(caseId)).toEqual(['street', 'street_leader']);
    expect((await stored(caseId)).dueAt).toBeUndefined(); // top of the ladder: nothing more to chase
  });

  it('a signed emergency must be dealt with within 2 clock hours, or it goes on to the leader in charge', async () => {
    await setClock(base(), '2026-12-12T22:00:00+08:00');
    const resident = await caseCaller(base(), 'user-resident-1');
    const officer = await caseCaller(base(), 'user-officer-a1');
    const { caseId } = (await resident('report', aReport({ categoryId: 'gas' }))).data;
    await advanceClock(base(), 10 * MIN);
    expect((await act(officer, caseId, (await stored(caseId)).version, { type: 'accept' })).ok).toBe(true);
    const signed = await stored(caseId);
    expect(signed).toMatchObject({ deadlineKind: 'emergency_hand_up', escalatesTo: 'street_leader' });
    expect(new Date(signed.dueAt).toISOString()).toBe('2026-12-12T16:10:00.000Z'); // 00:10 Sunday China time

    await advanceClock(base(), 119 * MIN);
    expect((await runEscalate(base())).data.escalated).toBe(0);
    await advanceClock(base(), 2 * MIN);
    expect((await runEscalate(base())).data.escalated).toBe(1);
    expect(await escalations(caseId)).toEqual(['street', 'street_leader']);
  });

  it('the street can shorten the emergency sign-for deadline (override with a reason)', async () => {
    const admin = await caseCaller(base(), 'user-admin');
    const config = (await admin('streetConfig', {})).data;
    const overrides = [{ kind: 'emergency_sign_for', unit: 'hours', amount: 0.25, reason: '本街道燃气管网老旧，15分钟内须签收' }];
    expect((await admin('saveSla', { expectedVersion: config.slaVersion, sla: { ...config.sla, overrides }, calendar: config.calendar })).ok).toBe(true);
    await setClock(base(), '2026-12-12T22:00:00+08:00');
    const resident = await caseCaller(base(), 'user-resident-1');
    const { caseId } = (await resident('report', aReport({ categoryId: 'gas' }))).data;
    expect(new Date((await stored(caseId)).dueAt).toISOString()).toBe('2026-12-12T14:15:00.000Z');
  });

  it('the review sequence: a case the community places under 督办 is not sent back to 社区督办; it goes to the street when the 督办 deadline passes', async () => {
    await setClock(base(), '2026-12-07T09:00:00+08:00'); // Monday
    const resident = await caseCaller(base(), 'user-resident-1');
    const community = await caseCaller(base(), 'user-community-a');
    const street = await caseCaller(base(), 'user-street');
    const { caseId } = (await resident('report', aReport())).data;
    await advanceClock(base(), 2 * 60 * MIN + MIN); // 11:01: nobody signed in 2 working hours
    expect((await runEscalate(base())).data.escalated).toBe(1);
    expect(await escalations(caseId)).toEqual(['community']);

    // 11:30 the community flags it: 挂牌督办 until Wednesday 17:00.
    await advanceClock(base(), 29 * MIN);
    const flagged = await act(community, caseId, (await stored(caseId)).version, { type: 'supervise', dueAt: '2026-12-09T17:00:00+08:00', note: '限周三前处理' });
    expect(flagged.ok).toBe(true);
    expect((await stored(caseId)).supervision).toMatchObject({ by: 'user-community-a', level: 'community' });
    expect(await stored(caseId)).toMatchObject({ deadlineKind: 'supervision', escalatesTo: 'street' });

    // Every sweep until the 督办 deadline changes nothing: no second "自动上报社区督办".
    for (const step of [MIN, 60 * MIN, 24 * 60 * MIN]) {
      await advanceClock(base(), step);
      expect((await runEscalate(base())).data.escalated).toBe(0);
    }
    expect(await escalations(caseId)).toEqual(['community']);

    await setClock(base(), '2026-12-09T17:01:00+08:00');
    expect((await runEscalate(base())).data.escalated).toBe(1);
    expect(await escalations(caseId)).toEqual(['community', 'street']);
    expect((await street('overdue', { level: 'street' })).data.cases.map((c: any) => c.caseId)).toContain(caseId);
    expect(await stored(caseId)).toMatchObject({ overdueLevel: 'street', escalatesTo: 'street_leader' });

    // A later action at the grid never puts it back on a lower list either.
    const officer = await caseCaller(base(), 'user-officer-a1');
    expect((await act(officer, caseId, (await stored(caseId)).version, { type: 'accept' })).ok).toBe(true);
    expect(await stored(caseId)).toMatchObject({ escalatesTo: 'street_leader' });
  });
});
