import { useFunctionCloud } from './function-cloud';
import { aReport, caseCaller, setClock, uploadedPhoto, type CaseCall } from '../support/case-builders';

/** Issue 4 items 1–3, 8: reporting and the workflow through the gateway and the real SDK. */
describe('case workflow', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => caseCaller(base(), userId);
  const act = async (call: CaseCall, caseId: string, command: unknown) => {
    const detail = await call('detail', { caseId });
    return call('act', { caseId, expectedVersion: detail.data?.version ?? 1, command });
  };

  beforeEach(async () => setClock(base(), '2026-12-07T09:00:00+08:00'));

  it('files one case when the same report is sent twice with the same request id', async () => {
    const resident = await as('user-resident-1');
    const report = aReport();
    const [a, b] = await Promise.all([resident('report', report), resident('report', report)]);
    const again = await resident('report', report);
    expect(a.ok && b.ok && again.ok).toBe(true);
    expect(new Set([a.data.caseId, b.data.caseId, again.data.caseId]).size).toBe(1);
    expect(again.data.created).toBe(false);
    expect((await t.db.collection('cases').get()).data).toHaveLength(1);
  });

  it('takes a case from report to archive: accept, start, resolve with photo and note, verify by someone else, rate, archive', async () => {
    const resident = await as('user-resident-1');
    const officer = await as('user-officer-a1');
    const chief = await as('user-chief-a');
    const community = await as('user-community-a');
    const { data } = await resident('report', aReport({ photos: [await uploadedPhoto(resident)] }));
    const caseId = data.caseId;
    expect(await officer('inbox', {})).toMatchObject({ ok: true, data: { cases: [{ caseId, state: 'reported' }] } });
    expect((await act(officer, caseId, { type: 'accept' })).data.state).toBe('accepted');
    expect((await act(officer, caseId, { type: 'start' })).data.state).toBe('in_progress');
    const photo = await uploadedPhoto(officer);
    expect((await act(officer, caseId, { type: 'resolve', note: '已清运', photos: [photo] })).data.state).toBe('resolved');
    expect((await act(officer, caseId, { type: 'verify', passed: true })).error?.code).toBe('FORBIDDEN');
    expect((await act(chief, caseId, { type: 'verify', passed: true })).data.state).toBe('verified');
    expect((await resident('rate', { caseId, rating: 'satisfied', comment: '很及时' })).data.state).toBe('rated');
    expect((await act(community, caseId, { type: 'archive' })).data.state).toBe('closed');
    const detail = (await resident('detail', { caseId })).data;
    expect(detail.timeline.map((e: any) => e.type)).toEqual(['report', 'accept', 'start', 'resolve', 'verify', 'rate', 'archive']);
    const resolve = detail.timeline[3];
    expect(resolve).toMatchObject({ note: '已清运', by: { name: '张*', roleLabel: '网格员' } });
    expect(resolve.photoUrls).toHaveLength(1);
    expect(detail.photoUrls).toHaveLength(1);
    expect((await chief('satisfaction', { gridId: 'grid-a1' })).data).toMatchObject({ rated: 1, satisfied: 1, satisfactionRate: 100 });
    const kinds = (await resident('notifications', {})).data.items.map((n: any) => n.kind).sort();
    expect(kinds).toEqual(['case_accepted', 'case_resolved']);
  });

  it('reopens a case once when the reporter is not satisfied, counting the rework', async () => {
    const resident = await as('user-resident-1');
    const officer = await as('user-officer-a1');
    const chief = await as('user-chief-a');
    const caseId = (await resident('report', aReport())).data.caseId;
    await act(officer, caseId, { type: 'accept' });
    await act(officer, caseId, { type: 'resolve', note: '已清运', photos: [await uploadedPhoto(officer)] });
    await act(chief, caseId, { type: 'verify', passed: true });
    expect((await resident('rate', { caseId, rating: 'dissatisfied', comment: '没扫干净' })).data.state).toBe('in_progress');
    expect((await resident('detail', { caseId })).data).toMatchObject({ reworkCount: 1, ratingComment: '没扫干净' });
    expect((await chief('satisfaction', { gridId: 'grid-a1' })).data).toMatchObject({ rated: 1, dissatisfied: 1, reworked: 1, satisfactionRate: 0 });
  });

  it('shows the reporter the reason their case was returned', async () => {
    const resident = await as('user-resident-1');
    const officer = await as('user-officer-a1');
    const caseId = (await resident('report', aReport())).data.caseId;
    expect((await act(officer, caseId, { type: 'return', reason: '不属于网格事项，请拨打 12345' })).data.state).toBe('returned');
    const detail = (await resident('detail', { caseId })).data;
    expect(detail.returnReason).toBe('不属于网格事项，请拨打 12345');
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'return', note: '不属于网格事项，请拨打 12345' });
    expect((await resident('notifications', {})).data.items[0]).toMatchObject({ kind: 'case_returned', body: '不属于网格事项，请拨打 12345' });
  });

  it('files a 突发性 case and notifies community and street the moment it is filed', async () => {
    const resident = await as('user-resident-1');
    const { data } = await resident('report', aReport({ categoryId: 'gas', description: '楼道有燃气味' }));
    const community = await as('user-community-a');
    const street = await as('user-street');
    for (const call of [community, street]) {
      expect((await call('notifications', {})).data.items.map((n: any) => n.kind)).toContain('case_emergency');
    }
    expect((await street('overdue', { level: 'street' })).data.cases.map((c: any) => c.caseId)).toEqual([data.caseId]);
  });

  it('lets the administrator edit the category tree and refuses a resident', async () => {
    const admin = await as('user-admin');
    const resident = await as('user-resident-1');
    const { data } = await resident('categories', { gridId: 'grid-a1' });
    expect(data.categories.map((c: any) => c.label)).toContain('安全隐患');
    const edited = [...data.categories, { id: 'pets', label: '宠物扰民', children: [] }];
    const save = { streetId: data.streetId, expectedVersion: data.version, categories: edited };
    expect((await resident('saveCategories', save)).error.code).toBe('FORBIDDEN');
    expect((await admin('saveCategories', save)).ok).toBe(true);
    expect((await resident('report', aReport({ categoryId: 'pets' }))).ok).toBe(true);
  });
});
