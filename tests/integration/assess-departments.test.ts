import { callFunction, loginAs } from './function-cloud';
import { useFunctionCloud } from './function-cloud';
import { assessCaller, type AssessCall } from '../support/assess-builders';
import { newRequestId } from '../support/org-builders';
import { found } from '../support/contract-call';

/**
 * Issue 16 leftovers: the street's 职能部门 kept by the admin (org.departments / org.saveDepartment) and a
 * street run of 002 L51–56's department table with the departments as subjects, through the gateway and
 * the real SDK. Expected totals are worked by hand from the seed table (002 L52–56):
 *   交办函 30 / 跟踪回复 30 / 巡查挂点网格 20 / 例会汇报 20, each −1 per miss, "扣完为止" at 0;
 *   优秀 ≥ 95, 良好 85–94, 合格 65–84, 不合格 < 65.
 */
describe('department assessment runs', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => assessCaller(base(), userId);
  const TABLE = 'seed-002-department-100';
  const STREET = 'user-street';
  const ADMIN = 'user-admin';
  /** 陈科长: head of 城管科, signs in but runs nothing (no street grant). */
  const HEAD_CG = 'user-dept-cg';
  /** 吴敏: street staff, head of 综治办 and a member of 党政办 — an assessor of the other departments. */
  const WU = 'user-dept-zz';

  const org = async (userId: string) => {
    const cookie = await loginAs(base(), userId);
    return async (action: string, data: unknown) => (await callFunction(base(), 'org', action, data, cookie)).body;
  };

  const stamps = () => ({ version: 1, createdAt: new Date('2026-11-01T00:00:00Z'), updatedAt: new Date('2026-11-01T00:00:00Z') });
  async function addPerson(key: string, name: string, roles: unknown[] | null) {
    const userId = `user-${key}`;
    await t.db.collection('persons').add({ _id: `person-${key}`, streetId: 'street-demo', name, phone: '13705510100', duties: '', ...(roles ? { userId } : {}), ...stamps() });
    if (roles) await t.db.collection('users').add({ _id: userId, openid: `demo-${key}`, name, roles, prefs: { fontScale: 'standard' }, ...stamps() });
  }

  /** The admin's departments, by name → id. */
  async function addDepartments(): Promise<Record<string, string>> {
    await addPerson('dept-cg', '陈科长', []);
    await addPerson('dept-zz', '吴敏', [{ role: 'street_staff', streetId: 'street-demo' }]);
    await addPerson('dept-dz', '郑主任', []);
    await addPerson('dept-sw', '钱科长', null);
    await addPerson('dept-mz', '周科长', null);
    const admin = await org(ADMIN);
    const ids: Record<string, string> = {};
    for (const [name, head, members] of [
      ['城管科', 'person-dept-cg', []],
      ['综治办', 'person-dept-zz', []],
      ['党政办', 'person-dept-dz', ['person-dept-zz']],
      ['社会事务科', 'person-dept-sw', []],
      ['民政科', 'person-dept-mz', []],
    ] as const) {
      const saved = await admin('saveDepartment', { requestId: newRequestId('dept'), name, responsiblePersonId: head, memberPersonIds: [...members] });
      expect([name, saved.ok, saved.error]).toEqual([name, true, undefined]);
      ids[name] = saved.data.id;
    }
    return ids;
  }

  beforeEach(() => {
    t.cloud.clock.set(Date.parse('2026-12-01T10:00:00+08:00'));
  });

  async function score(caller: AssessCall, runId: string, subjectId: string, misses: Record<string, number>) {
    for (const [itemId, count] of Object.entries(misses)) {
      const version = (await caller('run', { runId })).data.version;
      const answer = await caller('enterScore', { runId, expectedVersion: version, subjectId, itemId, value: { kind: 'count', count }, reason: '按科室月度督查记录' });
      expect([itemId, answer.ok, answer.error]).toEqual([itemId, true, undefined]);
    }
  }

  it('lets the admin add, rename and deactivate departments; the street staff read them; nobody else changes them', async () => {
    const ids = await addDepartments();
    const admin = await org(ADMIN);
    const listed = (await (await org(STREET))('departments', {})).data;
    expect(listed.canManage).toBe(false);
    expect(listed.departments.map((d: any) => [d.name, d.responsibleName, d.memberNames])).toEqual(
      expect.arrayContaining([['党政办', '郑主任', ['吴敏']], ['城管科', '陈科长', []]]),
    );
    const cg = listed.departments.find((d: any) => d.name === '城管科');
    const renamed = await admin('saveDepartment', { departmentId: ids['城管科'], expectedVersion: cg.version, name: '城市管理科', responsiblePersonId: 'person-dept-cg', memberPersonIds: [] });
    expect(renamed.ok).toBe(true);
    const mz = listed.departments.find((d: any) => d.name === '民政科');
    expect((await admin('saveDepartment', { departmentId: ids['民政科'], expectedVersion: mz.version, name: '民政科', responsiblePersonId: 'person-dept-mz', enabled: false })).ok).toBe(true);
    const after = (await admin('departments', {})).data;
    expect(after.canManage).toBe(true);
    expect(after.departments.map((d: any) => [d.name, d.enabled])).toEqual([['党政办', true], ['社会事务科', true], ['城市管理科', true], ['综治办', true], ['民政科', false]].sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0]), 'zh-CN')));

    const before = (await t.db.collection('departments').get()).data;
    expect((await (await org(STREET))('saveDepartment', { requestId: newRequestId('dept'), name: '规划科', responsiblePersonId: 'person-street' })).error.code).toBe('FORBIDDEN');
    expect((await (await org('user-community-a'))('departments', {})).error.code).toBe('FORBIDDEN');
    const stranger = await admin('saveDepartment', { requestId: newRequestId('dept'), name: '规划科', responsiblePersonId: 'person-nobody' });
    expect(stranger.error).toMatchObject({ code: 'INVALID_INPUT', fields: { responsiblePersonId: '负责人不是本街道登记的人员' } });
    const twin = await admin('saveDepartment', { requestId: newRequestId('dept'), name: '综治办', responsiblePersonId: 'person-street' });
    expect(twin.error).toMatchObject({ code: 'CONFLICT', fields: { name: '本街道已有同名部门' } });
    expect((await admin('saveDepartment', { requestId: newRequestId('dept'), name: '  ', responsiblePersonId: 'person-street' })).error.code).toBe('INVALID_INPUT');
    expect((await t.db.collection('departments').get()).data).toEqual(before);
  });

  it('runs November for the enabled departments: assessors score misses, never their own department, and the totals match the seed table by hand', async () => {
    const ids = await addDepartments();
    const admin = await org(ADMIN);
    const mz = (await admin('departments', {})).data.departments.find((d: any) => d.name === '民政科');
    await admin('saveDepartment', { departmentId: ids['民政科'], expectedVersion: mz.version, name: '民政科', responsiblePersonId: 'person-dept-mz', enabled: false });

    const street = await as(STREET);
    const opened = await street('openRun', { ruleSetId: TABLE, month: '2026-11' });
    expect([opened.ok, opened.error]).toEqual([true, undefined]);
    const runId = opened.data.runId;
    const run = (await street('run', { runId })).data;
    expect(run.scopeName).toBe('街道职能部门');
    // 民政科 is deactivated: no longer a subject.
    expect(run.subjects.map((s: any) => [s.name, s.kind]).sort()).toEqual([['党政办', 'department'], ['城管科', 'department'], ['社会事务科', 'department'], ['综治办', 'department']].sort());
    expect(run.items.map((i: any) => [i.id, i.entry, i.max])).toEqual([['handled', 'count', 30], ['tracked', 'count', 30], ['patrol', 'count', 20], ['weekly_report', 'count', 20]]);

    // 吴敏 heads 综治办 and sits in 党政办: she scores 城管科, is refused both of hers (002 L135).
    const wu = await as(WU);
    const wuView = (await wu('run', { runId })).data;
    expect(wuView.subjects.filter((s: any) => s.scorableItems.length).map((s: any) => s.name).sort()).toEqual(['城管科', '社会事务科'].sort());
    // 城管科: 30−2 + 30−0 + 20−1 + 20−2 = 95 → 优秀 (the 95 edge).
    await score(wu, runId, ids['城管科'], { handled: 2, tracked: 0, patrol: 1, weekly_report: 2 });
    const stored = (await t.db.collection('assessment_runs').doc(runId).get()).data[0];
    for (const own of [ids['综治办'], ids['党政办']]) {
      const refused = await wu('enterScore', { runId, expectedVersion: stored.version, subjectId: own, itemId: 'handled', value: { kind: 'count', count: 0 }, reason: '按科室月度督查记录' });
      expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: '按回避原则,不能为本人或本人负责网格的对象评分' });
    }
    // 陈科长 holds no scoring role at all.
    const chen = await as(HEAD_CG);
    expect((await chen('enterScore', { runId, expectedVersion: stored.version, subjectId: ids['综治办'], itemId: 'handled', value: { kind: 'count', count: 0 }, reason: '按科室月度督查记录' })).error.code).toBe('FORBIDDEN');
    expect((await t.db.collection('assessment_runs').doc(runId).get()).data[0]).toEqual(stored);

    // 综治办: 30−5 + 30−5 + 20−3 + 20−2 = 85 → 良好 (the 85 edge).
    await score(street, runId, ids['综治办'], { handled: 5, tracked: 5, patrol: 3, weekly_report: 2 });
    // 党政办: 30−10 + 30−10 + 20−0 + 20−16 = 64 → 不合格 (one under the 65 edge).
    await score(street, runId, ids['党政办'], { handled: 10, tracked: 10, patrol: 0, weekly_report: 16 });
    // 社会事务科: 31 misses on a 30-point item stop at 0 (扣完为止): 0 + 30 + 20 + 20 = 70 → 合格.
    await score(street, runId, ids['社会事务科'], { handled: 31, tracked: 0, patrol: 0, weekly_report: 0 });

    // Unpublished: invisible to a department head who is no assessor, and no sheet of theirs yet.
    expect((await chen('run', { runId })).error).toMatchObject({ code: 'FORBIDDEN', message: '考核结果公布前不能查看' });
    expect((await chen('mySheets', {})).data.sheets).toEqual([]);

    const version = (await street('run', { runId })).data.version;
    expect((await street('publish', { runId, expectedVersion: version })).data.sheets).toBe(4);
    const ranking = (await street('run', { runId })).data.ranking;
    expect(ranking.map((r: any) => [r.subjectName, r.rank, r.total, r.grade])).toEqual([
      ['城管科', 1, 95, '优秀'],
      ['综治办', 2, 85, '良好'],
      ['社会事务科', 3, 70, '合格'],
      ['党政办', 4, 64, '不合格'],
    ]);

    // Each head reads their own department's sheet, and only that one.
    const chenSheets = (await chen('mySheets', {})).data.sheets;
    expect(chenSheets).toEqual([expect.objectContaining({ subjectName: '城管科', month: '2026-11', total: 95, grade: '优秀', rank: 1 })]);
    const sheet = (await chen('sheet', { sheetId: chenSheets[0].sheetId })).data;
    expect(sheet.lines.find((l) => l.itemId === 'weekly_report')).toMatchObject({ points: 18, formula: '满分20,考核人员录入次数2次×1=扣2,得18' });
    const sheetOf = (name: string) => found(ranking.find((r) => r.subjectName === name), `${name}'s row`).sheetId;
    expect((await chen('sheet', { sheetId: sheetOf('综治办') })).error).toMatchObject({ code: 'FORBIDDEN', message: '只能查看本人的考核表' });
    expect((await chen('run', { runId })).error.code).toBe('FORBIDDEN');
    // 吴敏 heads 综治办 only; 党政办 she merely belongs to.
    expect((await wu('mySheets', {})).data.sheets.map((s: any) => s.subjectName)).toEqual(['综治办']);
    expect((await (await as('user-community-a'))('sheet', { sheetId: sheetOf('城管科') })).error.code).toBe('FORBIDDEN');
    const social = (await street('sheet', { sheetId: sheetOf('社会事务科') })).data;
    expect(social.lines.find((l: any) => l.itemId === 'handled')).toMatchObject({ points: 0, formula: expect.stringContaining('扣完为止') });

    // Published is frozen: no more scores until a reasoned correction.
    const frozen = await street('enterScore', { runId, expectedVersion: (await street('run', { runId })).data.version, subjectId: ids['党政办'], itemId: 'handled', value: { kind: 'count', count: 0 }, reason: '补交材料' });
    expect(frozen.error.code).toBe('CONFLICT');
  });

  it('refuses a department run when the street has no enabled department, naming the table', async () => {
    const answer = await (await as(STREET))('openRun', { ruleSetId: TABLE, month: '2026-11' });
    expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { ruleSetId: '本街道没有启用的职能部门,请先在管理中添加部门' } });
    expect((await t.db.collection('assessment_runs').get()).data).toEqual([]);
  });
});
