import { useFunctionCloud } from './function-cloud';
import { newRequestId } from '../support/org-builders';
import { DEMO_STREET_ID } from '../../scripts/seed/demo-data';
import { CHIEF_A, CHIEF_B, OFFICER_A1, OFFICER_A2, patrolAs, patrolDoc, photoBy, RESIDENT, setPatrolRules } from '../support/patrol-builders';

/** Issue 14 items 1–2: problems found on a patrol (a case, or 当场处置 sampled for the chief) and the 八必报 sheet. */
describe('patrol findings', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const MORNING = Date.parse('2026-11-30T09:00:00+08:00');

  beforeEach(() => {
    t.cloud.clock.set(MORNING);
    t.cloud.clock.freeze();
  });

  async function startedPatrol() {
    const worker = await patrolAs(base(), OFFICER_A1);
    const started = await worker('start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' });
    return { worker, patrolId: started.data.patrol.patrolId as string };
  }

  const aProblem = (patrolId: string, over: Record<string, unknown> = {}) => ({
    patrolId,
    requestId: newRequestId('find'),
    categoryId: 'fire_lane',
    description: '3 栋北侧消防车道被私家车堵住',
    location: { lat: 31.861, lng: 117.281, address: '肥东路 3 栋北侧' },
    ...over,
  });

  it('files a problem found on the way as a case of the patrol\'s grid, class from its category, linked to the patrol — once however often it is sent', async () => {
    const { worker, patrolId } = await startedPatrol();
    const problem = aProblem(patrolId);
    const [a, b] = await Promise.all([worker('fileCase', problem), worker('fileCase', problem)]);
    expect(a.data.caseId).toBe(b.data.caseId);
    const { data: cases } = await t.db.collection('cases').where({ _id: a.data.caseId }).get();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ gridId: 'grid-a1', categoryId: 'fire_lane', caseClass: 'coordination', reporterId: OFFICER_A1, state: 'reported' });
    const doc = await patrolDoc(t.db, patrolId);
    expect(doc.findings).toEqual([expect.objectContaining({ kind: 'case', caseId: a.data.caseId, categoryLabel: '安全隐患/消防车道堵塞' })]);
    const detail = await worker('get', { patrolId });
    expect(detail.data.findings[0]).toMatchObject({ kind: 'case', kindLabel: '上报事件', caseId: a.data.caseId });
  });

  it('refuses a finding with a category the street does not offer, naming the field, and writes nothing', async () => {
    const { worker, patrolId } = await startedPatrol();
    const bad = await worker('fileCase', aProblem(patrolId, { categoryId: 'no_such_thing' }));
    expect(bad.error).toMatchObject({ code: 'INVALID_INPUT', fields: { categoryId: '请选择有效的事件分类' } });
    expect((await t.db.collection('cases').count()).total).toBe(0);
    expect((await patrolDoc(t.db, patrolId)).findings).toEqual([]);
  });

  it('records 当场处置 with before and after photos, closed at once, and puts the sampled ones on the chief\'s list', async () => {
    await setPatrolRules(t.db, DEMO_STREET_ID, { onSpotSamplePercent: { value: 100, reason: '试点期间全部抽查' } });
    const { worker, patrolId } = await startedPatrol();
    const before = await photoBy(base(), OFFICER_A1, 40);
    const after = await photoBy(base(), OFFICER_A1, 200);
    const handled = await worker('handleOnSpot', { ...aProblem(patrolId, { categoryId: 'clutter', description: '楼道堆放杂物，已劝导清理' }), beforePhotos: [before], afterPhotos: [after] });
    expect(handled.data).toMatchObject({ sampled: true, created: true });
    expect((await t.db.collection('cases').count()).total).toBe(0);

    const chief = await patrolAs(base(), CHIEF_A);
    const list = await chief('samples', { gridId: 'grid-a1' });
    expect(list.data.rows).toHaveLength(1);
    expect(list.data.rows[0]).toMatchObject({ patrolId, workerName: '张丽', finding: { kind: 'on_spot', kindLabel: '当场处置', sampled: true } });
    expect(list.data.rows[0].finding.beforePhotoUrls).toHaveLength(1);
    expect(list.data.rows[0].finding.afterPhotoUrls).toHaveLength(1);
    expect(list.data.rows[0].finding.verification).toBeUndefined();

    expect((await worker('verifySample', { patrolId, findingId: handled.data.findingId, result: 'confirmed' })).error.code).toBe('FORBIDDEN');
    expect((await (await patrolAs(base(), CHIEF_B))('samples', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    expect((await (await patrolAs(base(), OFFICER_A2))('samples', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    const verified = await chief('verifySample', { patrolId, findingId: handled.data.findingId, result: 'confirmed', note: '现场已清理' });
    expect(verified.data).toEqual({ pendingSamples: 0 });
    expect((await chief('verifySample', { patrolId, findingId: handled.data.findingId, result: 'rejected' })).error.code).toBe('CONFLICT');
    const again = await chief('samples', { gridId: 'grid-a1' });
    expect(again.data.rows[0].finding.verification).toMatchObject({ byName: '王秀兰', result: 'confirmed', resultLabel: '核实属实', note: '现场已清理' });
  });

  it('refuses 当场处置 without an after photo, or with someone else\'s photo, naming the field', async () => {
    const { worker, patrolId } = await startedPatrol();
    const mine = await photoBy(base(), OFFICER_A1, 60);
    const theirs = await photoBy(base(), OFFICER_A2, 90);
    const noAfter = await worker('handleOnSpot', { ...aProblem(patrolId), beforePhotos: [mine], afterPhotos: [] });
    expect(noAfter.error).toMatchObject({ code: 'INVALID_INPUT', fields: { afterPhotos: '请拍一张处置后的照片' } });
    const foreign = await worker('handleOnSpot', { ...aProblem(patrolId), beforePhotos: [mine], afterPhotos: [theirs] });
    expect(foreign.error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'afterPhotos.0': '照片需先由您本人上传' } });
    expect((await patrolDoc(t.db, patrolId)).findings).toEqual([]);
  });

  it('takes no findings after the patrol ended', async () => {
    const { worker, patrolId } = await startedPatrol();
    await worker('end', { patrolId });
    expect((await worker('fileCase', aProblem(patrolId))).error.code).toBe('CONFLICT');
  });

  it('gives staff the 八必报 sheet: eight items, each with the category and class the street\'s tree gives it; residents get none', async () => {
    const officer = await patrolAs(base(), OFFICER_A1);
    const sheet = await officer('eightReports', { gridId: 'grid-a1' });
    expect(sheet.data.rows.map((r: any) => r.label)).toEqual(['消防设施损坏', '消防车道堵塞', '火灾隐患和消防违法行为', '居民房屋出租', '六小单位装修', '外来人员就业', '新增残障等帮扶人员', '消防安全不稳定因素']);
    expect(sheet.data.rows[0]).toMatchObject({ categoryId: 'fire_equipment', classLabel: '协调性', available: true });
    expect((await (await patrolAs(base(), RESIDENT))('eightReports', {})).error.code).toBe('FORBIDDEN');
  });
});
