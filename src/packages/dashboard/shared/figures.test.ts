import { categoryBars, drillFigureOf, gridRates, kpiText, monthTrend, periodOf, type Board } from './figures';
import { composeDashboard, DEFAULT_STATS_CONFIG, zeroCounters } from '../../../domain/stats';

const counters = (over: Partial<ReturnType<typeof zeroCounters>>) => ({ ...zeroCounters(), ...over });
const board = (): Board => ({
  scope: { level: 'street', id: 'st' },
  period: { from: '2026-10-01', to: '2026-11-30' },
  from: '',
  to: '',
  ...composeDashboard({
    period: { from: '2026-10-01', to: '2026-11-30' },
    grids: [
      { gridId: 'a1', gridName: 'A1网格', communityId: 'A', months: [{ month: '2026-11', counters: counters({ reported: 4, filed: 4, closed: 2, closedOnTime: 2, pendingOnTime: 2 }) }] },
      { gridId: 'a2', gridName: 'A2网格', communityId: 'A', months: [] },
    ],
    categories: [{ categoryId: 'rubbish', counters: counters({ filed: 4 }) }],
    config: DEFAULT_STATS_CONFIG,
    categoryLabel: () => '市容环境/垃圾',
  }),
});

describe('dashboard figures for the page', () => {
  test('the trend has every month of the period, empty months as 0', () => {
    expect(monthTrend(board())).toEqual({ categories: ['10月', '11月'], series: [{ name: '立案数', data: [0, 4] }, { name: '结案数', data: [0, 2] }] });
  });
  test('a grid without a rate is left out of the rate chart, not drawn as 0 %', () => {
    expect(gridRates(board())).toEqual({ categories: ['A1网格'], series: [{ name: '按期结案率', data: [100] }] });
  });
  test('category bars use the leaf name', () => {
    expect(categoryBars(board()).categories).toEqual(['垃圾']);
  });
  test('rates read as percent, a missing one as 暂无; a rate tile opens its numerator', () => {
    expect(kpiText('closureRate', 75)).toBe('75.0%');
    expect(kpiText('satisfactionRate', null)).toBe('暂无');
    expect(kpiText('filed', 12)).toBe('12');
    expect(drillFigureOf('onTimeClosureRate')).toBe('closedOnTime');
  });
  test('periods: last month of January is December of the year before; 31 December China time is still that year', () => {
    expect(periodOf('lastMonth', new Date('2027-01-15T02:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('thisYear', new Date('2026-12-31T15:59:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('thisMonth', new Date('2026-11-30T16:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
