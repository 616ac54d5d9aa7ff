import { useFunctionCloud } from './function-cloud';
import { aReport, caseCaller, setClock, uploadedPhoto } from '../support/case-builders';
import { STAFF_A, STAFF_B, VOLUNTEER_A, volunteerAs } from '../support/volunteer-builders';

/**
 * PRODUCT.md §8 lead confirmation from the staff case page: `case.detail` tells staff (only) who reported
 * and whether they are a volunteer, so the page can call `volunteer.confirmLead` for the right person.
 */
describe('case detail for confirming a volunteer’s lead', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => caseCaller(base(), userId);

  beforeEach(async () => setClock(base(), '2026-12-07T09:00:00+08:00'));

  const leadReport = async (reporter: string, over: Record<string, unknown> = {}) => {
    const answer = await (await as(reporter))('report', aReport({ categoryId: 'public_order', description: '楼下有人冒充客服收取押金，疑似电信诈骗', ...over }));
    expect(answer.ok).toBe(true);
    return answer.data.caseId as string;
  };

  const act = async (userId: string, caseId: string, command: unknown) => {
    const call = await as(userId);
    const detail = await call('detail', { caseId });
    const answer = await call('act', { caseId, expectedVersion: detail.data.version, command });
    expect(answer.ok).toBe(true);
  };
  /** The officer signs for it and resolves it; the grid chief's 核查 finds it true. */
  const verified = async (caseId: string) => {
    const officer = await as('user-officer-a1');
    await act('user-officer-a1', caseId, { type: 'accept' });
    await act('user-officer-a1', caseId, { type: 'resolve', note: '已移交派出所查处', photos: [await uploadedPhoto(officer)] });
    await act('user-chief-a', caseId, { type: 'verify', passed: true });
  };

  it('shows staff the reporter id and that the reporter is a volunteer; the reporter and other residents never get them', async () => {
    const caseId = await leadReport(VOLUNTEER_A);

    const staff = (await (await as(STAFF_A))('detail', { caseId })).data;
    expect(staff).toMatchObject({ categoryId: 'public_order', reporterId: VOLUNTEER_A, reporterIsVolunteer: true, reporter: { name: '黄志明' } });
    const officer = (await (await as('user-officer-a1'))('detail', { caseId })).data;
    expect(officer).toMatchObject({ reporterId: VOLUNTEER_A, reporterIsVolunteer: true });

    const own = (await (await as(VOLUNTEER_A))('detail', { caseId })).data;
    expect(own.isReporter).toBe(true);
    expect(own).not.toHaveProperty('reporterId');
    expect(own).not.toHaveProperty('reporterIsVolunteer');

    const other = await (await as('user-resident-2'))('detail', { caseId });
    expect(other.ok).toBe(false);
    expect(other.error.code).toBe('FORBIDDEN');
    expect(JSON.stringify(other)).not.toContain(VOLUNTEER_A);
  });

  it('tells staff when the reporter has no volunteer profile, even for an anonymous case', async () => {
    const caseId = await leadReport('user-resident-1', { anonymous: true });
    const staff = (await (await as(STAFF_A))('detail', { caseId })).data;
    expect(staff).toMatchObject({ reporterId: 'user-resident-1', reporterIsVolunteer: false });
  });

  it('lets community staff confirm with the id from the detail, once; staff of another community are refused', async () => {
    const caseId = await leadReport(VOLUNTEER_A);
    const { reporterId } = (await (await as(STAFF_A))('detail', { caseId })).data;
    const staffA = await volunteerAs(base(), STAFF_A);
    // 001 L873 经确认属实后: not before the case passed 核查.
    expect((await staffA('confirmLead', { caseId, volunteerId: reporterId })).error).toMatchObject({ code: 'CONFLICT', message: '事件核查属实后才能确认线索' });
    await verified(caseId);
    const staffB = await volunteerAs(base(), STAFF_B);
    expect((await staffB('confirmLead', { caseId, volunteerId: reporterId })).error.code).toBe('FORBIDDEN');
    expect(await staffA('confirmLead', { caseId, volunteerId: reporterId, note: '经派出所核实属实' })).toMatchObject({ ok: true, data: { points: 5, created: true } });
    expect(await staffA('confirmLead', { caseId, volunteerId: reporterId })).toMatchObject({ ok: true, data: { created: false } });
    const mine = await (await volunteerAs(base(), VOLUNTEER_A))('myPoints', {});
    expect(mine.data.allTime).toBe(5);
  });
});
