import { ensureDeclaredIndexes } from '../../local-cloud/indexes';
import { post, useFunctionCloud } from './function-cloud';
import { aReport, advanceClock, caseCaller, runEscalate, setClock } from '../support/case-builders';

/** Issue 4 items 5–6: deadlines on the working-day calendar and the escalation timer. */
describe('escalation timer', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  // 2026-12-07 is a Monday and a working day (no holiday or 调休 in December 2026).
  const MONDAY_9 = '2026-12-07T09:00:00+08:00';

  it('a case nobody signs for in 2 working hours goes to the community', async () => {
    await setClock(base(), MONDAY_9);
    const resident = await caseCaller(base(), 'user-resident-1');
    const community = await caseCaller(base(), 'user-community-a');
    const { caseId } = (await resident('report', aReport())).data;
    const stored = (await t.db.collection('cases').doc(caseId).get()).data[0];
    expect(new Date(stored.dueAt).toISOString()).toBe('2026-12-07T03:00:00.000Z'); // 11:00 China time
    expect(stored).toMatchObject({ escalatesTo: 'community', deadlineKind: 'sign_for' });

    await advanceClock(base(), 60 * 60_000); // 10:00: not due yet
    expect((await runEscalate(base())).data.escalated).toBe(0);
    expect((await community('overdue', { level: 'community' })).data.cases).toEqual([]);

    await advanceClock(base(), 61 * 60_000); // 11:01
    expect((await runEscalate(base())).data.escalated).toBe(1);
    expect((await community('overdue', { level: 'community' })).data.cases).toMatchObject([{ caseId, overdueLevel: 'community' }]);
    const timeline = (await community('detail', { caseId })).data.timeline;
    expect(timeline.at(-1)).toMatchObject({ type: 'escalate', level: 'community', by: { name: '系统' } });
    expect((await community('notifications', {})).data.items.map((n: any) => n.kind)).toContain('case_overdue');
    expect((await resident('notifications', {})).data.items.map((n: any) => n.kind)).toContain('case_escalated');
    expect((await runEscalate(base())).data.escalated).toBe(0); // once per deadline
  });

  it('warns at 80 % of the time, once', async () => {
    await setClock(base(), MONDAY_9);
    const resident = await caseCaller(base(), 'user-resident-1');
    await resident('report', aReport());
    await advanceClock(base(), 97 * 60_000); // 10:37 > 80 % of 2 h
    expect((await runEscalate(base())).data).toMatchObject({ escalated: 0, warned: 1 });
    expect((await runEscalate(base())).data).toMatchObject({ escalated: 0, warned: 0 });
    const officer = await caseCaller(base(), 'user-officer-a1');
    expect((await officer('notifications', {})).data.items.map((n: any) => n.kind)).toContain('case_near_due');
  });

  it('two sweeps running at the same time escalate each due case once', async () => {
    await setClock(base(), MONDAY_9);
    const resident = await caseCaller(base(), 'user-resident-1');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await resident('report', aReport())).data.caseId);
    await advanceClock(base(), 3 * 3600_000);
    const [a, b] = await Promise.all([runEscalate(base()), runEscalate(base())]);
    expect(a.data.escalated + b.data.escalated).toBe(5);
    // Each case's timeline (stored in the case, issue 9 item 3) holds exactly one escalation.
    const { data: cases } = await t.db.collection('cases').where({ _id: t.db.command.in(ids) }).get();
    expect(cases.map((c: any) => c.timeline.filter((e: any) => e.type === 'escalate').length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('a backlog bigger than one run: each run escalates at most its limit, the next run the rest, none twice, none lost', async () => {
    // Issue 13 item 2. The function's environment variable sets a run limit of 3 (default 1 000: the bench
    // drains 10 000); the runs go through the timer as CloudBase fires it.
    t.cloud.functionEnv.GRIDLINK_ESCALATE_RUN_LIMIT = '3';
    try {
      await setClock(base(), MONDAY_9);
      const resident = await caseCaller(base(), 'user-resident-1');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await resident('report', aReport({ description: `积压事件 ${i}` }))).data.caseId);
      await advanceClock(base(), 3 * 3600_000);
      const escalatedIds = async () => {
        const { data } = await t.db.collection('cases').where({ _id: t.db.command.in(ids) }).get();
        return new Map(data.map((c: any) => [c._id, c.timeline.filter((e: any) => e.type === 'escalate').length]));
      };

      expect((await runEscalate(base())).data).toMatchObject({ escalated: 3, warned: 0, more: true });
      const afterFirst = await escalatedIds();
      expect([...afterFirst.values()].sort()).toEqual([0, 0, 1, 1, 1]);

      const second = (await runEscalate(base())).data;
      expect(second.escalated).toBe(2);
      expect(second.escalated + second.warned).toBeLessThanOrEqual(3);
      const afterSecond = await escalatedIds();
      expect([...afterSecond.values()]).toEqual([1, 1, 1, 1, 1]);
      // The second run took exactly the two the first one left.
      expect(ids.filter((id) => afterFirst.get(id) === 0).every((id) => afterSecond.get(id) === 1)).toBe(true);

      expect((await runEscalate(base())).data).toMatchObject({ escalated: 0, warned: 0, more: false });
      expect([...(await escalatedIds()).values()]).toEqual([1, 1, 1, 1, 1]);
      // Each escalation told its reporter once: five case_escalated rows, one per case.
      const { data: told } = await t.db.collection('notifications').where({ kind: 'case_escalated', caseId: t.db.command.in(ids) }).get();
      expect(told.map((n: any) => n.caseId).sort()).toEqual([...ids].sort());
    } finally {
      delete t.cloud.functionEnv.GRIDLINK_ESCALATE_RUN_LIMIT;
    }
  });

  it('reads only the due cases, through the dueAt index', async () => {
    ensureDeclaredIndexes(t.database); // as local-cloud/main.ts does; the bare test cloud has none
    await setClock(base(), MONDAY_9);
    const resident = await caseCaller(base(), 'user-resident-1');
    await resident('report', aReport());
    await advanceClock(base(), 3 * 3600_000);
    // 200 cases not due for a week, written straight through the SDK.
    const later = new Date('2026-12-14T03:00:00Z');
    await Promise.all(Array.from({ length: 200 }, (_, i) => t.db.collection('cases').add({ _id: `filler-${i}`, state: 'reported', dueAt: later, nearDueAt: later })));
    await post(base(), '/internal/db/stats/reset', {});
    expect((await runEscalate(base())).data.escalated).toBe(1);
    const stats = (await fetch(`${base()}/internal/db/stats`).then((r) => r.json())) as any;
    // 1 due case + the users scanned to find community and grid staff (users has no role index); not the 200.
    expect(stats.documentsScanned).toBeLessThan(60);
  });
});
