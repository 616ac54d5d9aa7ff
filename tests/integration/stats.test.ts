import type { ActionName } from '../../src/domain/api';
import ExcelJS from 'exceljs';
import { setClock, advanceClock, runEscalate } from '../support/case-builders';
import { closeWithRating, fileCase, gridA1People, returnCase, runStatsTimer, statsCaller } from '../support/stats-builders';
import { useFunctionCloud } from './function-cloud';
import { newRequestId } from '../support/org-builders';
import { aBuilding as patrolBuilding, patrolAs, sendInBatches, walk, OFFICER_A1 } from '../support/patrol-builders';
import { aBuilding as visitBuilding, aVisit, chinaMs, worklogAs } from '../support/worklog-builders';
import { aMeeting, meetingAs } from '../support/meeting-builders';

/**
 * Issue 16 items 1–2: daily rows kept by the `statsdaily` timer from real case steps, the dashboard read
 * from them, drill-down to the cases, rebuilds that change nothing, month and year ends, and who may look.
 * The clock is pinned (China time written out); the timer only counts cases settled a minute ago.
 */
const MINUTE = 60_000;
const STREET = { level: 'street', id: 'street-demo' };
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe('statistics: daily rows, dashboard, drill-down', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const rows = async () => (await t.db.collection('stats_daily').limit(1000).get()).data as any[];

  it('counts November in grid A1 from real steps: 立案, 结案, 退回, 超期, 满意 — and the figures drill down to the cases', async () => {
    await setClock(base(), '2026-11-30T09:00:00+08:00');
    const p = await gridA1People(base());
    const closed = await fileCase(p);
    await closeWithRating(p, closed, 'satisfied');
    const returned = await fileCase(p);
    await returnCase(p, returned);
    const late = await fileCase(p, { description: '楼道堆放杂物无人清理' });
    // Nobody signs for `late` within 2 working hours: the sweep escalates it (超期).
    await advanceClock(base(), 3 * 60 * MINUTE);
    expect((await runEscalate(base())).data.escalated).toBe(1);
    await advanceClock(base(), 2 * MINUTE);
    const run = await runStatsTimer(base());
    expect(run).toMatchObject({ ok: true, data: { changes: { cases: 3, more: false } } });

    const street = await statsCaller(base(), 'user-street');
    const board = (await street('dashboard', { scope: STREET, period: NOVEMBER })).data;
    expect(board.totals.counters).toMatchObject({ reported: 3, filed: 2, returned: 1, closed: 1, closedOnTime: 1, pendingOnTime: 0, pendingOverdue: 1, overdue: 1, votes: 1, satisfiedVotes: 1 });
    // 结案率 = 1 / (2 − 0) = 50 %; 满意率 = 1 / 1 = 100 %.
    expect(board.totals.kpis).toMatchObject({ filed: 2, closureRate: 50, onTimeClosureRate: 50, satisfactionRate: 100, overdue: 1 });
    expect(board.byMonth).toEqual([expect.objectContaining({ month: '2026-11' })]);
    // Every grid of the street is listed (yesterday's rebuild wrote their zero rows), A1 with its three.
    expect(board.byGrid).toHaveLength(7);
    expect(board.byGrid.filter((g: any) => g.counters.reported > 0).map((g: any) => [g.gridId, g.counters.reported])).toEqual([['grid-a1', 3]]);
    expect(board.targets.find((x: any) => x.kpi === 'onTimeClosureRate')).toMatchObject({ value: 50, target: 95, rag: 'red', ragLabel: '未达标' });
    expect(board.targets.find((x: any) => x.kpi === 'satisfactionRate')).toMatchObject({ rag: 'green' });

    // A period of single days sums the daily rows, whole months the month rows: the same figures.
    const oneDay = (await street('dashboard', { scope: STREET, period: { from: '2026-11-30', to: '2026-11-30' } })).data;
    expect(oneDay.totals).toEqual(board.totals);
    const overdue = (await street('cases', { scope: STREET, period: NOVEMBER, figure: 'overdue' })).data;
    expect(overdue.items.map((c: any) => c.caseId)).toEqual([late]);
    expect(overdue.items[0]).toMatchObject({ summary: '楼道堆放杂物无人清理', overdue: true });
    const filed = (await street('cases', { scope: STREET, period: NOVEMBER, figure: 'filed' })).data;
    expect(filed.items.map((c: any) => c.caseId).sort()).toEqual([closed, late].sort());
  });

  it('exports the 台账 of the street: every case, the overdue ones, the rated ones — the same cases as the figures — and audits it', async () => {
    await setClock(base(), '2026-11-30T09:00:00+08:00');
    const p = await gridA1People(base());
    const rated = await fileCase(p, { description: '路灯不亮' });
    await closeWithRating(p, rated, 'dissatisfied');
    const open = await fileCase(p);
    const street = await statsCaller(base(), 'user-street');
    const sheetOf = async (kind: string) => {
      const file = await street('exportLedger', { kind, scope: STREET, period: NOVEMBER });
      expect(file.ok).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await (await fetch(file.data.url)).arrayBuffer()) as any);
      const ws = book.worksheets[0];
      return { file: file.data, header: ws.getRow(1).values as string[], ids: ws.getColumn(1).values.slice(2) as string[], places: [3, 4].map((c) => ws.getColumn(c).values.slice(2)) };
    };
    const all = await sheetOf('cases');
    expect(all.header).toEqual(expect.arrayContaining(['事件编号', '上报时间', '事件描述', '状态', '评价']));
    expect(all.ids.sort()).toEqual([rated, open].sort());
    // 社区 and 网格 by name, as staff know them, not by record id.
    expect(all.places).toEqual([['肥东路社区', '肥东路社区'], ['肥东路社区一号网格', '肥东路社区一号网格']]);
    expect(all.file.name).toMatch(/^事件台账/);
    const satisfaction = await sheetOf('satisfaction');
    expect(satisfaction.ids).toEqual([rated]);
    expect((await sheetOf('overdue')).ids).toEqual([]);
    const audit = (await t.db.collection('audit_logs').where({ action: 'stats.exportLedger' }).get()).data as any[];
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ by: { userId: 'user-street' }, streetId: 'street-demo' });
    const resident = await statsCaller(base(), 'user-resident-1');
    expect((await resident('exportLedger', { kind: 'cases' })).error.code).toBe('FORBIDDEN');
  });

  it('a rebuild of the day gives the same rows, and a second timer run with nothing changed writes nothing new', async () => {
    await setClock(base(), '2026-11-30T09:00:00+08:00');
    const p = await gridA1People(base());
    await closeWithRating(p, await fileCase(p), 'basically_satisfied');
    await fileCase(p);
    await advanceClock(base(), 2 * MINUTE);
    await runStatsTimer(base());
    const strip = (list: any[]) => list.map(({ builtAt, ...r }) => r).sort((a, b) => a._id.localeCompare(b._id));
    const before = strip(await rows());
    expect(before.find((r) => r._id === 'grid-a1-2026-11-30')).toMatchObject({ counters: { reported: 2, closed: 1, pendingOnTime: 1, basicallySatisfiedVotes: 1 } });
    const admin = await statsCaller(base(), 'user-admin');
    const rebuilt = await admin('rebuildDay', { streetId: 'street-demo', day: '2026-11-30' });
    expect(rebuilt).toMatchObject({ ok: true, data: { cases: 2, rows: 7 } }); // every grid of the demo street gets its row
    const after = strip(await rows());
    expect(after.filter((r) => r.cases > 0)).toEqual(before.filter((r) => r.cases > 0));
    expect((await runStatsTimer(base())).data.changes.cases).toBe(0);
  });

  it('a case at 23:59 on 30 November counts in November, one at 00:00 on 1 December in December; 31 December and 1 January split the years', async () => {
    const p = await gridA1People(base());
    const at = async (iso: string) => {
      await setClock(base(), iso);
      return fileCase(p);
    };
    await at('2026-11-30T23:59:00+08:00');
    await at('2026-12-01T00:00:00+08:00');
    await at('2026-12-31T23:59:30+08:00');
    await at('2027-01-01T00:00:10+08:00');
    await advanceClock(base(), 2 * MINUTE);
    await runStatsTimer(base());
    expect((await rows()).filter((r) => r.cases > 0).map((r) => r._id).sort()).toEqual(['grid-a1-2026-11-30', 'grid-a1-2026-12-01', 'grid-a1-2026-12-31', 'grid-a1-2027-01-01']);
    const street = await statsCaller(base(), 'user-street');
    const year = (await street('dashboard', { scope: STREET, period: { from: '2026-01-01', to: '2026-12-31' } })).data;
    expect(year.byMonth).toHaveLength(12);
    expect(year.byMonth.slice(10).map((m: any) => [m.month, m.counters.reported])).toEqual([['2026-11', 1], ['2026-12', 2]]);
    expect(year.totals.counters.reported).toBe(3);
    const january = (await street('dashboard', { scope: STREET, period: { from: '2027-01-01', to: '2027-01-31' } })).data;
    expect(january.totals.counters.reported).toBe(1);
  });

  it('yesterday is rebuilt once by the first run after midnight, resumably, street by street', async () => {
    await setClock(base(), '2026-11-30T09:00:00+08:00');
    const p = await gridA1People(base());
    await fileCase(p);
    await setClock(base(), '2026-12-01T00:10:00+08:00');
    const first = await runStatsTimer(base());
    expect(first.data.rebuild).toMatchObject({ day: '2026-11-30', streets: 1, rows: 7, cases: 1, more: false });
    expect((await runStatsTimer(base())).data.rebuild).toMatchObject({ day: '2026-11-30', streets: 0 });
  });
});

describe('statistics: who may look', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  it('residents and volunteers are refused; community staff cannot open another community or the street; a chief only their grids', async () => {
    await setClock(base(), '2026-11-30T09:00:00+08:00');
    const code = async (userId: string, data: Record<string, unknown>, action: ActionName<'stats'> = 'dashboard') => (await (await statsCaller(base(), userId))(action, data)).error?.code ?? 'ok';
    expect(await code('user-resident-1', {})).toBe('FORBIDDEN');
    expect(await code('user-volunteer-1', {})).toBe('FORBIDDEN');
    expect(await code('user-resident-1', { figure: 'filed' }, 'cases')).toBe('FORBIDDEN');
    expect(await code('user-community-a', { scope: { level: 'community', id: 'community-b' } })).toBe('FORBIDDEN');
    expect(await code('user-community-a', { scope: STREET })).toBe('FORBIDDEN');
    expect(await code('user-chief-a', { scope: { level: 'grid', id: 'grid-b1' } })).toBe('FORBIDDEN');
    expect(await code('user-chief-a', { scope: { level: 'grid', id: 'grid-a2' } })).toBe('ok');
    expect(await code('user-community-a', {})).toBe('ok');
    expect(await code('user-officer-a1', { streetId: 'street-demo', day: '2026-11-30' }, 'rebuildDay')).toBe('FORBIDDEN');
    expect(await code('user-street', { streetId: 'street-demo', day: '2026-11-30' }, 'rebuildDay')).toBe('FORBIDDEN');
  });

  it('community staff asking for a grid of another community are refused (not answered zeros under its name)', async () => {
    await setClock(base(), '2026-11-30T09:00:00+08:00');
    const p = await gridA1People(base());
    await fileCase(p);
    await advanceClock(base(), 2 * MINUTE);
    await runStatsTimer(base());
    const communityB = await statsCaller(base(), 'user-community-b');
    for (const action of ['dashboard', 'cases', 'workers'] as const) {
      const answer = await communityB(action, { scope: { level: 'grid', id: 'grid-a1' }, period: NOVEMBER, ...(action === 'cases' ? { figure: 'reported' } : {}) });
      expect(answer.error).toMatchObject({ code: 'FORBIDDEN', message: '您无权查看该网格的统计' });
    }
    // Their own grid, and street staff asking for any grid of the street, still read it.
    expect((await communityB('dashboard', { scope: { level: 'grid', id: 'grid-b1' }, period: NOVEMBER })).ok).toBe(true);
    const street = await statsCaller(base(), 'user-street');
    expect((await street('dashboard', { scope: { level: 'grid', id: 'grid-a1' }, period: NOVEMBER })).data.totals.counters.reported).toBe(1);
    expect((await street('dashboard', { scope: { level: 'grid', id: 'grid-nowhere' }, period: NOVEMBER })).error.code).toBe('FORBIDDEN');
  });

  it('bad input is refused naming the field, in Chinese', async () => {
    const street = await statsCaller(base(), 'user-street');
    const answer = await street('dashboard', { period: { from: '2026-11-31', to: '2026-12-01' } });
    expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'period.from': expect.stringMatching(/开始日期/) } });
  });
});

describe('statistics: the work ledgers (巡查, 走访, 会议台账)', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const pin = (date: string, hhmm: string) => {
    t.cloud.clock.set(chinaMs(date, hhmm));
    t.cloud.clock.freeze();
  };
  const COMMUNITY_A = { level: 'community', id: 'community-a' };
  const GRID_A1 = { level: 'grid', id: 'grid-a1' };
  /** Exports as `userId` and reads the .xlsx back: the header row and each row keyed by its header. */
  async function ledger(userId: string, payload: Record<string, unknown>) {
    const answer = await (await statsCaller(base(), userId))('exportLedger', payload as any);
    if (!answer.ok) return { error: answer.error, header: [], rows: [] as Array<Record<string, unknown>> };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(answer.data.url)).arrayBuffer()) as any);
    const ws = book.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: Array<Record<string, unknown>> = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? ''])));
    });
    return { file: answer.data, header, rows, error: undefined };
  }
  const code = async (userId: string, payload: Record<string, unknown>) => (await ledger(userId, payload)).error?.code ?? 'ok';

  it('巡查台账: a patrol of grid A1 with its minutes, check-in and finding, for the street, the community and the worker — not for community B', async () => {
    const start = chinaMs('2026-11-30', '09:00');
    pin('2026-11-30', '09:00');
    const building = await patrolBuilding(base(), 'grid-a1', '肥东路 3 栋');
    const worker = await patrolAs(base(), OFFICER_A1);
    const patrolId = (await worker('start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' })).data.patrol.patrolId as string;
    await sendInBatches(worker, patrolId, walk(start, 40, 30), 100);
    t.cloud.clock.advance(12 * MINUTE);
    expect((await worker('checkIn', { requestId: newRequestId('ci'), scene: `b:${building}` })).ok).toBe(true);
    const filed = await worker('fileCase', { patrolId, requestId: newRequestId('find'), categoryId: 'fire_lane', description: '3 栋北侧消防车道被私家车堵住', location: { lat: 31.861, lng: 117.281 } });
    expect(filed.ok).toBe(true);
    t.cloud.clock.advance(28 * MINUTE);
    const ended = await worker('end', { patrolId });
    expect(ended.data.patrol.minutes).toBeGreaterThan(0);

    const street = await ledger('user-street', { kind: 'patrols', scope: STREET, period: NOVEMBER });
    expect(street.header).toEqual(['日期', '社区', '网格', '网格员', '开始', '结束', '巡查分钟', '签到次数', '签到楼栋', '发现问题', '问题处理', '状态']);
    expect(street.rows).toEqual([
      expect.objectContaining({ 日期: '2026-11-30', 社区: '肥东路社区', 开始: '09:00', 结束: '09:40', 巡查分钟: ended.data.patrol.minutes, 签到次数: 1, 签到楼栋: '肥东路 3 栋', 发现问题: 1, 问题处理: '上报事件1', 状态: '已结束' }),
    ]);
    expect(street.rows[0]!['网格员']).toBe(ended.data.patrol.workerName);
    expect(street.file!.name).toMatch(/^巡查台账（街道street-demo 2026-11-01至2026-11-30）/);
    expect((await ledger('user-community-a', { kind: 'patrols', scope: COMMUNITY_A, period: NOVEMBER })).rows).toHaveLength(1);
    // The grid officer reads their own grid's ledger, as they read its case ledger.
    expect((await ledger(OFFICER_A1, { kind: 'patrols', scope: GRID_A1, period: NOVEMBER })).rows).toHaveLength(1);
    // October holds nothing; community B's own ledger holds nothing of A, and A's scopes are refused to them.
    expect((await ledger('user-street', { kind: 'patrols', scope: STREET, period: { from: '2026-10-01', to: '2026-10-31' } })).rows).toEqual([]);
    expect((await ledger('user-community-b', { kind: 'patrols', scope: { level: 'community', id: 'community-b' }, period: NOVEMBER })).rows).toEqual([]);
    expect(await code('user-community-b', { kind: 'patrols', scope: COMMUNITY_A, period: NOVEMBER })).toBe('FORBIDDEN');
    expect(await code('user-community-b', { kind: 'patrols', scope: GRID_A1, period: NOVEMBER })).toBe('FORBIDDEN');
    expect(await code('user-officer-a2', { kind: 'patrols', scope: GRID_A1, period: NOVEMBER })).toBe('FORBIDDEN');
    expect(await code('user-resident-1', { kind: 'patrols' })).toBe('FORBIDDEN');
    const audit = (await t.db.collection('audit_logs').where({ action: 'stats.exportLedger' }).get()).data as any[];
    expect(audit).toHaveLength(5); // the five exports that answered; refusals write nothing
    expect(audit.filter((a) => a.by.userId === 'user-street').map((a) => a.target.id).sort()).toEqual(['patrols:street:street-demo:2026-10-01:2026-10-31', 'patrols:street:street-demo:2026-11-01:2026-11-30']);
    expect(audit.every((a) => a.target.collection === 'patrols')).toBe(true);
  });

  it('走访台账: visits with their kind and the target as the visit list shows it — no phones, no ID numbers, no notes', async () => {
    pin('2026-11-30', '10:00');
    const building = await visitBuilding(t.db, 'grid-a1', '3栋', new Date(chinaMs('2026-06-01')));
    const officer = await worklogAs(base(), OFFICER_A1);
    expect((await officer('recordVisit', aVisit(building))).ok).toBe(true);
    t.cloud.clock.advance(30 * MINUTE);
    expect((await officer('recordVisit', aVisit(building, { door: '601', kind: 'six_must', group: 'lone_elderly' }))).ok).toBe(true);
    const stored = (await t.db.collection('visits').limit(10).get()).data as any[];
    const me = (await t.db.collection('users').doc(OFFICER_A1).get()).data[0] as { name: string; phone?: string };

    const sheet = await ledger('user-community-a', { kind: 'visits', scope: COMMUNITY_A, period: NOVEMBER });
    expect(sheet.header).toEqual(['日期', '时间', '社区', '网格', '网格员', '走访类型', '六必访对象', '走访对象']);
    expect(sheet.rows.map((r) => [r['时间'], r['网格员'], r['走访类型'], r['六必访对象'], r['走访对象']])).toEqual([
      ['10:00', me.name, '日常走访', '', stored.find((v) => v.door === '502').targetLabel],
      ['10:30', me.name, '六必访', '独居老人', stored.find((v) => v.door === '601').targetLabel],
    ]);
    expect(sheet.rows[0]!['网格']).not.toBe('');
    const everyCell = JSON.stringify(sheet.rows);
    expect(everyCell).not.toContain('了解家庭近况'); // the visit's notes stay out
    if (me.phone) expect(everyCell).not.toContain(me.phone);
    expect((await ledger('user-community-b', { kind: 'visits', scope: { level: 'community', id: 'community-b' }, period: NOVEMBER })).rows).toEqual([]);
    expect(await code('user-community-b', { kind: 'visits', scope: COMMUNITY_A, period: NOVEMBER })).toBe('FORBIDDEN');
    expect(await code('user-resident-1', { kind: 'visits' })).toBe('FORBIDDEN');
  });

  it('会议台账: invited, present, on leave and absent per meeting of the community; a grid has no meeting ledger', async () => {
    pin('2026-11-26', '16:00');
    const staff = await meetingAs(base(), 'user-community-a');
    const scheduled = await staff('schedule', aMeeting('2026-11-27', { attendeeIds: ['user-officer-a1', 'user-officer-a2', 'user-chief-a'] }));
    expect(scheduled.ok).toBe(true);
    const meetingId = scheduled.data.meeting.meetingId as string;
    const checkInCode = ((await t.db.collection('meetings').doc(meetingId).get()).data[0] as { checkInCode: string }).checkInCode;
    expect((await (await meetingAs(base(), 'user-officer-a2'))('requestLeave', { meetingId, reason: '陪同居民办理低保复核' })).ok).toBe(true);
    expect((await staff('decideLeave', { meetingId, attendeeId: 'user-officer-a2', decision: 'approved' })).ok).toBe(true);
    pin('2026-11-27', '09:05');
    expect((await (await meetingAs(base(), 'user-officer-a1'))('signIn', { meetingId, code: checkInCode })).ok).toBe(true);
    pin('2026-11-30', '09:00');

    const sheet = await ledger('user-community-a', { kind: 'meetings', scope: COMMUNITY_A, period: NOVEMBER });
    expect(sheet.header).toEqual(['日期', '时间', '会议类型', '会议名称', '组织人', '应到', '实到', '请假', '缺席', '状态']);
    expect(sheet.rows).toEqual([
      expect.objectContaining({ 日期: '2026-11-27', 时间: '09:00–10:00', 会议类型: '社区网格调度会', 会议名称: scheduled.data.meeting.title, 应到: 3, 实到: 1, 请假: 1, 缺席: 1, 状态: '已结束' }),
    ]);
    expect((await ledger('user-street', { kind: 'meetings', scope: STREET, period: NOVEMBER })).rows).toHaveLength(1);
    expect((await ledger('user-community-b', { kind: 'meetings', scope: { level: 'community', id: 'community-b' }, period: NOVEMBER })).rows).toEqual([]);
    expect(await code('user-community-b', { kind: 'meetings', scope: COMMUNITY_A, period: NOVEMBER })).toBe('FORBIDDEN');
    const grid = await ledger('user-officer-a1', { kind: 'meetings', scope: GRID_A1, period: NOVEMBER });
    expect(grid.error).toMatchObject({ code: 'INVALID_INPUT', fields: { scope: '请选择街道或社区' } });
  });
});
