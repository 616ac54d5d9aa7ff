import { categoryBars, categoryDrills, categoryTable, monthDrills, monthTrend, monthWithin, type Board } from './figures';
import { casesUrl, categoryFromParams } from './links';
import { composeDashboard, DEFAULT_STATS_CONFIG, zeroCounters } from '../../../domain/stats';

/** Issue 16 item 1: every count of the 按月趋势 and 按分类 tables opens the cases behind it. */
const counters = (over: Partial<ReturnType<typeof zeroCounters>>) => ({ ...zeroCounters(), ...over });
const LABELS: Record<string, string> = { rubbish: '市容环境/垃圾', street_trading: '市容环境/占道经营', fire: '安全隐患/消防' };
const boardOver = (period: { from: string; to: string }, scope = { level: 'community' as const, id: 'community-a' }): Board => ({
  scope,
  period,
  from: '',
  to: '',
  ...composeDashboard({
    period,
    grids: [
      {
        gridId: 'a1',
        gridName: 'A1网格',
        communityId: 'A',
        months: [
          { month: '2026-10', counters: counters({ reported: 3, filed: 3, closed: 2 }) },
          { month: '2026-11', counters: counters({ reported: 2, filed: 2, closed: 0 }) },
        ],
      },
    ],
    categories: [
      { categoryId: 'rubbish', counters: counters({ filed: 3 }) },
      { categoryId: 'street_trading', counters: counters({ filed: 2 }) },
      { categoryId: 'fire', counters: counters({ filed: 0, reported: 1, returned: 1 }) },
    ],
    config: DEFAULT_STATS_CONFIG,
    categoryLabel: (id) => LABELS[id] ?? id,
  }),
});
const query = (url: string) => Object.fromEntries(new URLSearchParams(url.split('?')[1]));

describe('the month table: each 立案数 / 结案数 opens that month of the same counter', () => {
  const b = boardOver({ from: '2026-10-15', to: '2026-11-30' });
  const drills = monthDrills(b);

  test('rows and series line up with the table the chart shows', () => {
    expect(monthTrend(b).categories).toEqual(['10月', '11月']);
    expect(drills.map((row) => row.length)).toEqual([2, 2]);
  });

  test("a month's 立案数 opens `filed` over that month, cut to the board's period (a period from 15 October opens 15–31 October)", () => {
    const filed = drills[0][0]!;
    expect(filed.ariaLabel).toBe('2026年10月 立案数 3，查看明细');
    expect(query(filed.url)).toEqual({ figure: 'filed', from: '2026-10-15', to: '2026-10-31', label: '2026年10月 立案数', level: 'community', id: 'community-a' });
    expect(filed.url.startsWith('/packages/dashboard/cases/index?')).toBe(true);
  });

  test("a month's 结案数 opens `closed` (cohort: reported that month, closed by now) — the counter the figure is", () => {
    expect(drills[0][1]).toMatchObject({ ariaLabel: '2026年10月 结案数 2，查看明细' });
    expect(query(drills[0][1]!.url)).toMatchObject({ figure: 'closed', from: '2026-10-15', to: '2026-10-31' });
    expect(query(drills[1][0]!.url)).toMatchObject({ figure: 'filed', from: '2026-11-01', to: '2026-11-30' });
  });

  test('a zero opens nothing (no empty list to tap into)', () => {
    expect(drills[1][1]).toBeNull();
  });

  test('monthWithin: the whole month inside a year, the overlap at either end, December and February whole', () => {
    const year = { from: '2026-01-01', to: '2026-12-31' };
    expect(monthWithin('2026-02', year)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthWithin('2026-12', year)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthWithin('2026-11', { from: '2026-10-20', to: '2026-11-10' })).toEqual({ from: '2026-11-01', to: '2026-11-10' });
  });
});

describe('the category table: each 立案数 opens that category', () => {
  const b = boardOver({ from: '2026-10-01', to: '2026-11-30' });

  test('the table lists every category (the chart only the largest), most first, by leaf name', () => {
    expect(categoryTable(b)).toEqual({ categories: ['垃圾', '占道经营', '消防'], series: [{ name: '立案数', data: [3, 2, 0] }] });
    expect(categoryBars(b, 2).categories).toEqual(['垃圾', '占道经营']);
  });

  test("a category's 立案数 opens `filed` over the board's period with the category id and its full name", () => {
    const drills = categoryDrills(b);
    expect(drills[0][0]!.ariaLabel).toBe('垃圾 立案数 3，查看明细');
    expect(query(drills[0][0]!.url)).toEqual({
      figure: 'filed',
      from: '2026-10-01',
      to: '2026-11-30',
      label: '垃圾 立案数',
      level: 'community',
      id: 'community-a',
      categoryId: 'rubbish',
      categoryLabel: '市容环境/垃圾',
    });
    expect(query(drills[1][0]!.url)).toMatchObject({ categoryId: 'street_trading' });
    expect(drills[2][0]).toBeNull();
  });

  test('the cases page reads the category back from its query; without one it is not narrowed', () => {
    const url = casesUrl('filed', { from: '2026-11-01', to: '2026-11-30' }, undefined, '', undefined, { id: 'a&b', label: '市容/垃圾 & 杂物' });
    const raw = Object.fromEntries(url.split('?')[1].split('&').map((kv) => kv.split('=') as [string, string]));
    expect(categoryFromParams(raw)).toEqual({ id: 'a&b', label: '市容/垃圾 & 杂物' });
    expect(categoryFromParams({ figure: 'filed' })).toBeUndefined();
    expect(categoryFromParams({ categoryId: 'rubbish' })).toEqual({ id: 'rubbish', label: 'rubbish' });
  });
});
