import ExcelJS from 'exceljs';
import { useFunctionCloud } from './function-cloud';
import { NOVEMBER_WORKING_DAYS, assessCaller, insertCases, insertPatrols, type AssessCall, type StoredCaseSpec } from '../support/assess-builders';
import { found } from '../support/contract-call';

/**
 * Issue 16 items 5–7 through the gateway and the real SDK: a monthly run of the 000 worker table for
 * community A, filled from stored cases, scored by assessors, published, read by a worker, corrected,
 * exported and bulletined.
 */
describe('monthly assessment runs', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => assessCaller(base(), userId);
  const TABLE = 'seed-000-worker-100';
  const A1 = 'user-officer-a1';
  const A2 = 'user-officer-a2';
  const A3 = 'user-officer-a3';
  const STREET = 'user-street';
  const STAFF_A = 'user-community-a';
  const LATE = 'case-nov-late';

  // 张丽 (A1) in November: 10 cases, all closed; one ran late (rated 基本满意), one rated 不满意, eight 满意.
  // 按期 9/10 = 90 % → one 5 % step short of 95 % → 15 − 1.5 = 13.5; 满意 8/10 = 80 % → two steps → 10 − 1 = 9.
  const novemberCases: StoredCaseSpec[] = [
    { id: LATE, ownerId: A1, day: '2026-11-05', late: true, rating: 'basically_satisfied' },
    { id: 'case-nov-unhappy', ownerId: A1, day: '2026-11-06', rating: 'dissatisfied' },
    ...Array.from({ length: 8 }, (_, i) => ({ id: `case-nov-ok-${i}`, ownerId: A1, day: `2026-11-${String(10 + i).padStart(2, '0')}`, rating: 'satisfied' as const })),
    // Reported in October: not November's cohort.
    { id: 'case-oct-late', ownerId: A1, day: '2026-10-30', late: true, rating: 'dissatisfied' },
  ];

  beforeEach(async () => {
    t.cloud.clock.set(Date.parse('2026-12-01T10:00:00+08:00'));
    await insertCases(t.db, novemberCases);
    // 张丽 patrolled every working day of November but the 3rd and 4th; nobody else has patrol records.
    await insertPatrols(t.db, A1, 'grid-a1', NOVEMBER_WORKING_DAYS.filter((d) => d !== '2026-11-03' && d !== '2026-11-04'));
  });

  async function opened(month = '2026-11'): Promise<{ street: AssessCall; runId: string }> {
    const street = await as(STREET);
    const answer = await street('openRun', { ruleSetId: TABLE, month, communityId: 'community-a' });
    expect(answer.ok).toBe(true);
    return { street, runId: answer.data.runId };
  }

  async function score(caller: AssessCall, runId: string, subjectId: string, points: Record<string, number>) {
    for (const [itemId, p] of Object.entries(points)) {
      const version = (await caller('run', { runId })).data.version;
      const answer = await caller('enterScore', { runId, expectedVersion: version, subjectId, itemId, value: { kind: 'points', points: p }, reason: '按月度检查记录评分' });
      expect([itemId, answer.ok, answer.error]).toEqual([itemId, true, undefined]);
    }
  }

  async function publish(street: AssessCall, runId: string) {
    const version = (await street('run', { runId })).data.version;
    const answer = await street('publish', { runId, expectedVersion: version });
    expect(answer.ok).toBe(true);
    return answer.data;
  }

  it('fills the automatic items from November\'s cases, scores, publishes, and the worker follows a deduction to the late case', async () => {
    const { street, runId } = await opened();
    const staff = await as(STAFF_A);
    await score(staff, runId, A1, { household_info: 20, civility: 18, stability: 17 });
    const provisional = (await street('run', { runId })).data;
    expect(provisional.subjects.map((s: any) => s.name).sort()).toEqual(['张丽', '李强', '王秀兰', '赵敏'].sort());
    // 55 + 13.5 + 8 (two missed patrol days) + 9 = 85.5 → 85–89 → 90 % of 400 = 360 元 (000 L43).
    expect(provisional.ranking[0]).toMatchObject({ subjectId: A1, rank: 1, total: 85.5, payoutYuan: 360 });

    expect((await publish(street, runId)).sheets).toBe(4);
    const worker = await as(A1);
    const mine = (await worker('mySheets', {})).data.sheets;
    expect(mine).toEqual([expect.objectContaining({ month: '2026-11', total: 85.5, rank: 1, paidYuan: 360 })]);
    const sheet = (await worker('sheet', { sheetId: mine[0].sheetId })).data;
    const onTime = found(sheet.lines.find((l) => l.itemId === 'on_time'), 'the on_time line');
    expect(onTime.points).toBe(13.5);
    expect(onTime.formula).toContain('9/10=90.00%');
    expect(onTime.evidence).toEqual([expect.objectContaining({ kind: 'case', id: LATE })]);
    const patrol = found(sheet.lines.find((l) => l.itemId === 'patrol'), 'the patrol line');
    expect(patrol).toMatchObject({ points: 8, formula: '满分10,漏巡天数2次×1=扣2,得8' });
    expect(patrol.evidence.map((e) => e.label)).toEqual(['2026-11-03 未巡查', '2026-11-04 未巡查']);
    expect(found(sheet.lines.find((l) => l.itemId === 'satisfaction'), 'the satisfaction line').formula).toContain('8/10=80.00%');
    // The link leads to a case the worker may open: theirs, in their grid.
    const caseDetail = await (await import('../support/case-builders')).caseCaller(base(), A1);
    expect((await caseDetail('detail', { caseId: LATE })).ok).toBe(true);
  });

  it('keeps results hidden from everyone but the assessors until published, and a worker sees only their own sheet', async () => {
    const { street, runId } = await opened();
    const worker = await as(A2);
    expect((await worker('run', { runId })).error).toMatchObject({ code: 'FORBIDDEN', message: '考核结果公布前不能查看' });
    expect((await worker('runs', {})).data?.runs ?? []).toEqual([]);
    expect((await worker('mySheets', {})).data.sheets).toEqual([]);
    expect((await (await as('user-community-b'))('run', { runId })).error.code).toBe('FORBIDDEN');

    await publish(street, runId);
    const ranking = (await street('run', { runId })).data.ranking;
    const othersSheet = found(ranking.find((r) => r.subjectId === A1), "A1's row").sheetId;
    expect((await worker('sheet', { sheetId: othersSheet })).error).toMatchObject({ code: 'FORBIDDEN', message: '只能查看本人的考核表' });
    expect((await worker('run', { runId })).error.code).toBe('FORBIDDEN');
    expect((await (await as(STAFF_A))('run', { runId })).data.ranking).toHaveLength(4);
  });

  it('refuses an assessor scoring a grid of their own (002 L135) and anyone without a scoring role', async () => {
    const { runId } = await opened();
    // 一岗双责: community A's staff member also answers for grid A2.
    await t.db.collection('users').doc(STAFF_A).update({
      roles: [
        { role: 'community_staff', streetId: 'street-demo', communityId: 'community-a' },
        { role: 'grid_officer', streetId: 'street-demo', communityId: 'community-a', gridIds: ['grid-a2'] },
      ],
    });
    const staff = await as(STAFF_A);
    const before = (await t.db.collection('assessment_runs').doc(runId).get()).data[0];
    const entry = (subjectId: string) => ({ runId, expectedVersion: before.version, subjectId, itemId: 'civility', value: { kind: 'points', points: 20 }, reason: '按月度检查记录评分' });
    expect((await staff('enterScore', entry(A2))).error).toMatchObject({ code: 'FORBIDDEN', message: '按回避原则,不能为本人或本人负责网格的对象评分' });
    expect((await (await as(A1))('enterScore', entry(A3))).error).toMatchObject({ code: 'FORBIDDEN', message: '您不能为这一项评分' });
    // 上级检查 deductions are the street's alone (000 L44).
    expect((await staff('enterScore', { ...entry(A1), itemId: 'inspections', value: { kind: 'options', optionIds: ['city'] } })).error.code).toBe('FORBIDDEN');
    expect((await t.db.collection('assessment_runs').doc(runId).get()).data[0]).toEqual(before);
    expect((await staff('enterScore', entry(A1))).ok).toBe(true);
  });

  it('refuses opening and publishing to anyone but street staff, and bad input names the field and changes nothing', async () => {
    for (const userId of [STAFF_A, A1]) expect((await (await as(userId))('openRun', { ruleSetId: TABLE, month: '2026-11', communityId: 'community-a' })).error.code).toBe('FORBIDDEN');
    const { runId } = await opened();
    const staff = await as(STAFF_A);
    const before = (await t.db.collection('assessment_runs').doc(runId).get()).data[0];
    expect((await staff('publish', { runId, expectedVersion: before.version })).error.code).toBe('FORBIDDEN');
    const tooMany = await staff('enterScore', { runId, expectedVersion: before.version, subjectId: A1, itemId: 'household_info', value: { kind: 'points', points: 30 }, reason: '按检查' });
    expect(tooMany.error).toEqual({ code: 'INVALID_INPUT', message: '分数不能超过满分25', fields: { 'value.points': '分数不能超过满分25' } });
    const noReason = await staff('enterScore', { runId, expectedVersion: before.version, subjectId: A1, itemId: 'household_info', value: { kind: 'points', points: 3 }, reason: '' });
    expect(noReason.error.code).toBe('INVALID_INPUT');
    expect(noReason.error.fields.reason).toBe('请写明理由');
    const computed = await staff('enterScore', { runId, expectedVersion: before.version, subjectId: A1, itemId: 'on_time', value: { kind: 'count', count: 0 }, reason: '手工改' });
    expect(computed.error.fields.itemId).toContain('自动计算');
    expect((await (await as(STREET))('openRun', { ruleSetId: TABLE, month: '2026-13', communityId: 'community-a' })).error.fields.month).toContain('月份格式');
    expect((await t.db.collection('assessment_runs').doc(runId).get()).data[0]).toEqual(before);
  });

  it('freezes a published run: a correction is a new revision with a reason, and the first sheets stay as they were', async () => {
    const { street, runId } = await opened();
    await score(await as(STAFF_A), runId, A1, { household_info: 20, civility: 18, stability: 17 });
    const first = await publish(street, runId);
    const staff = await as(STAFF_A);
    const late = await staff('enterScore', { runId, expectedVersion: first.version, subjectId: A1, itemId: 'civility', value: { kind: 'points', points: 20 }, reason: '补充材料' });
    expect(late.error).toMatchObject({ code: 'CONFLICT', message: '考核已公布,结果不能再改;如需更正请发起更正' });
    const oldSheetId = (await (await as(A1))('mySheets', {})).data.sheets[0].sheetId;
    const oldSheet = (await t.db.collection('assessment_sheets').doc(oldSheetId).get()).data[0];

    const corrected = await street('correct', { runId, expectedVersion: first.version, reason: '社区补交了文明创建材料' });
    expect(corrected.data.revision).toBe(2);
    await score(staff, runId, A1, { civility: 20 });
    expect((await publish(street, runId)).revision).toBe(2);

    const now = (await (await as(A1))('mySheets', {})).data.sheets;
    expect(now).toEqual([expect.objectContaining({ total: 87.5 })]); // 85.5 + 2 more for 文明创建
    const newSheet = (await (await as(A1))('sheet', { sheetId: now[0].sheetId })).data;
    expect(newSheet).toMatchObject({ revision: 2, correctionReason: '社区补交了文明创建材料' });
    const stored = (await t.db.collection('assessment_sheets').doc(oldSheetId).get()).data[0];
    expect({ ...stored, current: true }).toEqual(oldSheet);
    expect(stored.current).toBe(false);
  });

  it('raises 留岗查看 on the third month in a row under 80 and moves a sick worker\'s incentive to the AB岗 cover', async () => {
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      const { street, runId } = await opened(month);
      // 李强 (A2): manual items 0 + on time 15 (no cases) + patrol 0 (no patrols: every working day missed) + satisfaction 10 = 25 each month.
      await score(await as(STAFF_A), runId, A2, { household_info: 0, civility: 0, stability: 0 });
      if (month === '2026-11') {
        const version = (await street('run', { runId })).data.version;
        const cover = await street('setCover', { runId, expectedVersion: version, absentPersonId: A3, coverPersonId: A2, reason: '赵敏11月病假一个月以上' });
        expect(cover.ok).toBe(true);
      }
      await publish(street, runId);
    }
    const street = await as(STREET);
    const november = (await street('runs', { month: '2026-11' })).data.runs[0];
    const ranking = (await street('run', { runId: november.runId })).data.ranking;
    const a2 = found(ranking.find((r) => r.subjectId === A2), "A2's row");
    const a3 = ranking.find((r: any) => r.subjectId === A3);
    expect(a2.flags).toEqual(['留岗查看']);
    // 赵敏: nothing scored, no patrols → 25 points → 70 % = 280 元, paid to 李强 (280 + 280).
    expect(a3).toMatchObject({ total: 25, payoutYuan: 280, paidYuan: 0 });
    expect(a2).toMatchObject({ paidYuan: 560 });
    const q = (await street('quarter', { ruleSetId: TABLE, year: 2026, quarter: 4, communityId: 'community-a' })).data.rows;
    expect(q.find((r: any) => r.subjectId === A2)).toMatchObject({ yuan: 280 + 560, flags: ['留岗查看'] });
    expect((await (await as(A1))('quarter', { ruleSetId: TABLE, year: 2026, quarter: 4 })).error.code).toBe('FORBIDDEN');
  });

  it('exports the published ranking to Excel and makes a frozen 红黑榜 as PDF and Excel', async () => {
    const { street, runId } = await opened();
    expect((await street('exportRanking', { runId })).error.code).toBe('CONFLICT');
    await score(await as(STAFF_A), runId, A1, { household_info: 20, civility: 18, stability: 17 });
    await publish(street, runId);

    const exported = (await street('exportRanking', { runId })).data;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(exported.url)).arrayBuffer()) as any);
    const ws = book.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '名次', '姓名/单位', '得分(分)', '等级', '实发激励(元)', '预警']);
    expect(ws.getRow(2).values).toEqual([undefined, 1, '张丽', 85.5, '', 360, '']);

    const made = await street('bulletin', { runId, kind: 'red_black' });
    expect(made.data).toMatchObject({ created: true, title: '肥东路社区2026年11月网格考核(一般人员,百分制)红黑榜' });
    const pdf = Buffer.from(await (await fetch(made.data.pdfUrl)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await street('bulletin', { runId, kind: 'red_black' });
    expect(again.data).toMatchObject({ created: false, bulletinId: made.data.bulletinId });
    expect((await (await as(STAFF_A))('bulletin', { runId, kind: 'ranking' })).error.code).toBe('FORBIDDEN');
    // Shared to the grid workers' WeChat group: a worker opens it; a resident cannot.
    const shared = (await (await as(A2))('bulletinView', { bulletinId: made.data.bulletinId })).data;
    // 张丽 85.5, the three others 25 each: the red list takes two, and a tie with the red list is never black.
    expect(shared).toMatchObject({ kind: 'red_black', black: [] });
    expect(shared.red).toHaveLength(2);
    expect(shared.red[0]).toBe('张丽');
    expect((await (await as('user-resident-1'))('bulletinView', { bulletinId: made.data.bulletinId })).error.code).toBe('FORBIDDEN');
  });

  it('lets the street copy a shipped table and change it only with a reason, logging what changed', async () => {
    const street = await as(STREET);
    const copied = await street('copyRuleSet', { fromId: TABLE, newId: 'demo-worker', name: '示范街道网格员考核', reason: '按街道实际调整' });
    expect(copied.data).toEqual({ ruleSetId: 'demo-worker', version: 1 });
    const { ruleSet } = (await street('ruleSet', { ruleSetId: 'demo-worker' })).data;
    const patrol = found(ruleSet.items.find((i) => i.id === 'patrol'), 'the patrol item');
    if (patrol.kind !== 'perMiss') throw new Error(`the patrol item deducts ${patrol.kind}, this story changes a per-miss deduction`);
    patrol.deductPerMiss = 2;
    expect((await street('saveRuleSet', { ruleSetId: 'demo-worker', expectedVersion: 1, ruleSet, reason: '' })).error.fields.reason).toBe('请写明理由');
    const saved = await street('saveRuleSet', { ruleSetId: 'demo-worker', expectedVersion: 1, ruleSet, reason: '漏巡问题突出,加大扣分' });
    expect(saved.data).toEqual({ ruleSetId: 'demo-worker', version: 2, summary: ['修改条目「每日巡查」:每次扣分'] });
    const log = (await street('ruleSet', { ruleSetId: 'demo-worker' })).data.changes;
    expect(log.map((c: any) => c.reason)).toEqual(['按街道实际调整', '漏巡问题突出,加大扣分']);
    expect((await street('saveRuleSet', { ruleSetId: TABLE, expectedVersion: 0, ruleSet, reason: '改内置' })).error.code).toBe('FORBIDDEN');
    expect((await (await as(STAFF_A))('copyRuleSet', { fromId: TABLE, newId: 'mine', name: '我的', reason: '试试看' })).error.code).toBe('FORBIDDEN');
  });
});
