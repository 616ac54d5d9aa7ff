import { sumCounters, type Counters } from './counters';
import { kpisOf, KPI_DEFINITIONS, type KpiValues } from './kpis';
import type { Period } from './period';
import { monthsOf } from './period';
import { ragOf, RAG_LABELS, TARGET_KPIS, type Rag, type StatsConfig, type TargetKpi } from './targets';

/**
 * A dashboard from summed daily rows (issue 16 item 3): totals, trend by month, by grid, by category and
 * each target's red/amber/green. Pure: the cloud function hands in what its two aggregations returned.
 */
export interface GridMonths {
  gridId: string;
  gridName?: string;
  communityId: string;
  months: Array<{ month: string; counters: Counters }>;
}
export interface CategorySum {
  categoryId: string;
  counters: Counters;
}

export interface Figures {
  counters: Counters;
  kpis: KpiValues;
}
const figures = (counters: Counters): Figures => ({ counters, kpis: kpisOf(counters) });

export interface TargetStatus {
  kpi: TargetKpi;
  label: string;
  value: number | null;
  target: number;
  direction: 'atLeast' | 'atMost';
  rag: Rag;
  ragLabel: string;
  reason: string;
}

export interface Dashboard {
  totals: Figures;
  byMonth: Array<{ month: string } & Figures>;
  byGrid: Array<{ gridId: string; gridName: string; communityId: string } & Figures>;
  byCategory: Array<{ categoryId: string; categoryLabel: string } & Figures>;
  targets: TargetStatus[];
}

export function composeDashboard(input: {
  period: Period;
  grids: readonly GridMonths[];
  categories: readonly CategorySum[];
  config: StatsConfig;
  categoryLabel: (id: string) => string;
}): Dashboard {
  const byGrid = input.grids
    .map((g) => ({ gridId: g.gridId, gridName: g.gridName ?? g.gridId, communityId: g.communityId, ...figures(sumCounters(g.months.map((m) => m.counters))) }))
    .sort((a, b) => a.gridName.localeCompare(b.gridName, 'zh-CN') || a.gridId.localeCompare(b.gridId));
  // Every month of the period appears, empty ones as zero: a trend line with gaps reads as "no data".
  const byMonth = monthsOf(input.period).map((month) => ({
    month,
    ...figures(sumCounters(input.grids.flatMap((g) => g.months.filter((m) => m.month === month).map((m) => m.counters)))),
  }));
  const totals = figures(sumCounters(byGrid.map((g) => g.counters)));
  const byCategory = input.categories
    .map((c) => ({ categoryId: c.categoryId, categoryLabel: input.categoryLabel(c.categoryId), ...figures(c.counters) }))
    .sort((a, b) => b.counters.filed - a.counters.filed || a.categoryId.localeCompare(b.categoryId));
  const targets = TARGET_KPIS.map((kpi): TargetStatus => {
    const t = input.config.targets[kpi];
    const value = totals.kpis[kpi];
    const rag = ragOf(value, t);
    return { kpi, label: KPI_DEFINITIONS[kpi].label, value, target: t.target, direction: t.direction, rag, ragLabel: RAG_LABELS[rag], reason: t.reason };
  });
  return { totals, byMonth, byGrid, byCategory, targets };
}
