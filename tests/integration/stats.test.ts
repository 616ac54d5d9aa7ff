import type { ActionName } from '../../src/domain/api';
import ExcelJS from 'exceljs';
import { setClock, advanceClock, runEscalate } from '../support/case-builders';
import { closeWithRating, fileCase, gridA1People, returnCase, runStatsTimer, statsCaller } from '../support/stats-builders';
import { useFunctionCloud } from './function-cloud';

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
      return { file: file.data, header: ws.getRow(1).values as string[], ids: ws.getColumn(1).values.slice(2) as string[] };
    };
    const all = await sheetOf('cases');
    expect(all.header).toEqual(expect.arrayContaining(['事件编号', '上报时间', '事件描述', '状态', '评价']));
    expect(all.ids.sort()).toEqual([rated, open].sort());
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
