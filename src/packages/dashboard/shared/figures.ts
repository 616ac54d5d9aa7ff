import type { ActionOutput } from '../../../domain/api';
import { KPI_DEFINITIONS, monthPeriod, yearPeriod, type CounterKey, type KpiKey, type Period } from '../../../domain/stats';
import { chinaWall } from '../../../domain/calendar/china-time';

/** What the dashboard pages show, derived from `stats.dashboard` (pure, unit-tested). */
export type Board = ActionOutput<'stats', 'dashboard'>;

export const PERIOD_CHOICES = ['thisMonth', 'lastMonth', 'thisYear'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];
export const PERIOD_LABELS: Record<PeriodChoice, string> = { thisMonth: '本月', lastMonth: '上月', thisYear: '今年' };

const pad = (n: number) => String(n).padStart(2, '0');
/** The China month of `now` as `YYYY-MM`; the client's clock is only a default, the server answers the period asked. */
const chinaMonthOf = (now: Date) => chinaWall(now).toISOString().slice(0, 7);

export function periodOf(choice: PeriodChoice, now: Date): Period {
  const month = chinaMonthOf(now);
  const [y, m] = month.split('-').map(Number);
  switch (choice) {
    case 'thisMonth':
      return monthPeriod(month);
    case 'lastMonth':
      return monthPeriod(m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`);
    case 'thisYear':
      return yearPeriod(y);
  }
}

/** The headline figures, in the order a street officer reads them. */
export const HEADLINE: readonly KpiKey[] = ['filed', 'closureRate', 'onTimeClosureRate', 'satisfactionRate', 'reworkRate', 'overdue', 'supervised', 'pendingOverdue'];

export const kpiLabel = (k: KpiKey) => KPI_DEFINITIONS[k].label;
export const isRate = (k: KpiKey) => KPI_DEFINITIONS[k].kind === 'rate';

/** "75.0%", "—" without a denominator, counts as plain numbers. */
export function kpiText(k: KpiKey, v: number | null): string {
  if (v === null) return '暂无';
  return isRate(k) ? `${v.toFixed(1)}%` : String(v);
}

/** The counter a tile opens the cases of: a count's own, a rate's numerator. */
export function drillFigureOf(k: KpiKey): CounterKey {
  const def = KPI_DEFINITIONS[k];
  return def.kind === 'count' ? def.counter : def.numerator;
}

/** `2026-11` → `11月` (the year shows in the section heading). */
export const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

export interface ChartData {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}

/** Trend by month: 立案 and 结案 per month. */
export function monthTrend(b: Board): ChartData {
  return {
    categories: b.byMonth.map((m) => monthLabel(m.month)),
    series: [
      { name: '立案数', data: b.byMonth.map((m) => m.counters.filed) },
      { name: '结案数', data: b.byMonth.map((m) => m.counters.closed) },
    ],
  };
}

/** By category: 立案 per category, the most first, at most `max` bars (the table lists them all). */
export function categoryBars(b: Board, max = 8): ChartData {
  const top = b.byCategory.slice(0, max);
  return { categories: top.map((c) => c.categoryLabel.split('/').pop() ?? c.categoryLabel), series: [{ name: '立案数', data: top.map((c) => c.counters.filed) }] };
}

/** By grid: 按期结案率 per grid (grids without a rate are left out of the chart, not drawn as 0). */
export function gridRates(b: Board, max = 12): ChartData {
  const rated = b.byGrid.filter((g) => g.kpis.onTimeClosureRate !== null).slice(0, max);
  return { categories: rated.map((g) => g.gridName), series: [{ name: '按期结案率', data: rated.map((g) => g.kpis.onTimeClosureRate ?? 0) }] };
}
