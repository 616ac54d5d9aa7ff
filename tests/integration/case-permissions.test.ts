import { useFunctionCloud } from './function-cloud';
import { aReport, caseCaller, setClock } from '../support/case-builders';

/** Issue 4 item 10: role and scope on every case action, through the gateway and the real SDK. */
describe('case permissions', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => caseCaller(base(), userId);
  const snapshot = async () => ({ cases: (await t.db.collection('cases').get()).data, events: (await t.db.collection('case_events').get()).data });

  beforeEach(async () => setClock(base(), '2026-12-07T09:00:00+08:00'));

  it('lets a resident see only their own cases', async () => {
    const mine = (await (await as('user-resident-1'))('report', aReport())).data.caseId;
    const other = await as('user-resident-2');
    expect((await other('mine', {})).data.cases).toEqual([]);
    expect((await other('detail', { caseId: mine })).error.code).toBe('FORBIDDEN');
    expect((await (await as('user-resident-1'))('mine', {})).data.cases.map((c: any) => c.caseId)).toEqual([mine]);
  });

  it('lets an officer see only their grids', async () => {
    const caseId = (await (await as('user-resident-1'))('report', aReport())).data.caseId;
    const a2 = await as('user-officer-a2');
    expect((await a2('inbox', {})).data.cases).toEqual([]);
    expect((await a2('detail', { caseId })).error.code).toBe('FORBIDDEN');
    expect((await (await as('user-officer-b1'))('detail', { caseId })).error.code).toBe('FORBIDDEN');
  });

  it('hides an anonymous reporter from other residents, not from staff', async () => {
    const caseId = (await (await as('user-resident-1'))('report', aReport({ anonymous: true }))).data.caseId;
    expect((await (await as('user-resident-2'))('detail', { caseId })).error.code).toBe('FORBIDDEN');
    const staff = (await (await as('user-officer-a1'))('detail', { caseId })).data;
    expect(staff.reporter).toEqual({ name: '徐大爷' });
    expect(staff.timeline[0].by.name).toBe('徐大爷');
  });

  it('refuses every forbidden transition with FORBIDDEN and changes nothing', async () => {
    const caseId = (await (await as('user-resident-1'))('report', aReport())).data.caseId;
    const before = await snapshot();
    const refused: Array<[string, unknown]> = [
      ['user-resident-1', { type: 'accept' }],
      ['user-resident-2', { type: 'return', reason: '不管' }],
      ['user-officer-a2', { type: 'accept' }],
      ['user-officer-b1', { type: 'accept' }],
      ['user-volunteer-1', { type: 'accept' }],
      ['user-resident-1', { type: 'supervise', dueAt: '2026-12-10T09:00:00+08:00', note: '督办' }],
    ];
    for (const [userId, command] of refused) {
      const answer = await (await as(userId))('act', { caseId, expectedVersion: 1, command });
      expect([userId, answer.error?.code]).toEqual([userId, 'FORBIDDEN']);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('ignores an openid in the payload', async () => {
    const resident = await as('user-resident-1');
    const answer = await resident('report', { ...aReport(), openid: 'demo-officer-a1' });
    expect(answer.ok).toBe(true);
    const stored = (await t.db.collection('cases').doc(answer.data.caseId).get()).data[0];
    expect(stored.reporterId).toBe('user-resident-1');
  });
});
