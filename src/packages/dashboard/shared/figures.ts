import type { ActionOutput } from '../../../domain/api';
import { COUNTER_LABELS, KPI_DEFINITIONS, monthPeriod, yearPeriod, type CounterKey, type KpiKey, type Period } from '../../../domain/stats';
import { chinaWall } from '../../../domain/calendar/china-time';
import { casesUrl } from './links';

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

/** The counters the month trend draws, in its series order; each count of its table opens that counter's cases. */
const MONTH_FIGURES = ['filed', 'closed'] as const satisfies readonly CounterKey[];
/** The counter the category chart draws. */
const CATEGORY_FIGURE: CounterKey = 'filed';

/** Trend by month: 立案 and 结案 per month. */
export function monthTrend(b: Board): ChartData {
  return {
    categories: b.byMonth.map((m) => monthLabel(m.month)),
    series: MONTH_FIGURES.map((k) => ({ name: COUNTER_LABELS[k], data: b.byMonth.map((m) => m.counters[k]) })),
  };
}

const leafOf = (categoryLabel: string) => categoryLabel.split('/').pop() ?? categoryLabel;

/** By category: 立案 per category, the most first, every category (the table under the chart). */
export function categoryTable(b: Board): ChartData {
  return { categories: b.byCategory.map((c) => leafOf(c.categoryLabel)), series: [{ name: COUNTER_LABELS[CATEGORY_FIGURE], data: b.byCategory.map((c) => c.counters[CATEGORY_FIGURE]) }] };
}

/** The bars of the category chart: the `max` largest of the table (more bars would not be readable). */
export function categoryBars(b: Board, max = 8): ChartData {
  const all = categoryTable(b);
  return { categories: all.categories.slice(0, max), series: all.series.map((s) => ({ ...s, data: s.data.slice(0, max) })) };
}

/** A count of a chart's table that opens the cases behind it (stats.cases): what a screen reader says, where it goes. */
export interface CellDrill {
  ariaLabel: string;
  url: string;
}

/** `2026-11` → `2026年11月` (the month of a count, read on its own). */
export const monthLongLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** A month's days inside the board's period: a year's board opens whole months, a period starting mid-month only its part. */
export function monthWithin(month: string, period: Period): Period {
  const whole = monthPeriod(month);
  return { from: whole.from > period.from ? whole.from : period.from, to: whole.to < period.to ? whole.to : period.to };
}

/** A zero has no cases behind it: it stays plain text, not a target that opens an empty list. */
const drillOf = (value: number, label: string, url: () => string): CellDrill | null => (value > 0 ? { ariaLabel: `${label} ${value}，查看明细`, url: url() } : null);

/**
 * The month table's links, [month][series] as `monthTrend`: a month's 立案数 / 结案数 opens the same
 * counter's cases over that month — cohort counting (counters.ts), so 结案数 lists the cases REPORTED that
 * month and closed by now, exactly those the figure counts.
 */
export function monthDrills(b: Board): Array<Array<CellDrill | null>> {
  return b.byMonth.map((m) =>
    MONTH_FIGURES.map((k) => {
      const label = `${monthLongLabel(m.month)} ${COUNTER_LABELS[k]}`;
      return drillOf(m.counters[k], label, () => casesUrl(k, monthWithin(m.month, b.period), b.scope, label));
    }),
  );
}

/** The category table's links, [category][0] as `categoryTable`: the category's 立案 cases over the board's period. */
export function categoryDrills(b: Board): Array<Array<CellDrill | null>> {
  return b.byCategory.map((c) => {
    const label = `${leafOf(c.categoryLabel)} ${COUNTER_LABELS[CATEGORY_FIGURE]}`;
    return [drillOf(c.counters[CATEGORY_FIGURE], label, () => casesUrl(CATEGORY_FIGURE, b.period, b.scope, label, undefined, { id: c.categoryId, label: c.categoryLabel }))];
  });
}

/** By grid: 按期结案率 per grid (grids without a rate are left out of the chart, not drawn as 0). */
export function gridRates(b: Board, max = 12): ChartData {
  const rated = b.byGrid.filter((g) => g.kpis.onTimeClosureRate !== null).slice(0, max);
  return { categories: rated.map((g) => g.gridName), series: [{ name: '按期结案率', data: rated.map((g) => g.kpis.onTimeClosureRate ?? 0) }] };
}
