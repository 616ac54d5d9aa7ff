import type { CounterKey, Counters } from './counters';

/**
 * The case KPIs, defined ONCE (issue 16 item 1), each with its formula and source. Counts read one
 * counter; rates divide sums of counters, so a rate over any period or scope is computed from the summed
 * daily rows — never averaged from daily rates.
 *
 * Sources as issue 16 quotes them: CJ/T 315 and GB/T 30428 (数字化城市管理) for 立案/结案/按期/返工/超期;
 * 002 L37–41 for the targets and 满意率 = "满意"票 / 抽样总票数 × 100 %.
 */
export const KPI_KEYS = ['filed', 'closureRate', 'onTimeClosureRate', 'reworkRate', 'satisfactionRate', 'overdue', 'supervised', 'pendingOverdue', 'returned'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

interface CountKpi {
  kind: 'count';
  label: string;
  counter: CounterKey;
  formula: string;
  source: string;
}
interface RateKpi {
  kind: 'rate';
  label: string;
  numerator: CounterKey;
  /** The denominator is the sum of `plus` minus the sum of `minus`. */
  plus: readonly CounterKey[];
  minus: readonly CounterKey[];
  formula: string;
  source: string;
}
export type KpiDefinition = CountKpi | RateKpi;

const CJ = 'CJ/T 315、GB/T 30428（数字化城市管理），按议题 16 的定义';

export const KPI_DEFINITIONS: Record<KpiKey, KpiDefinition> = {
  filed: { kind: 'count', label: '立案数', counter: 'filed', formula: '上报数 − 退回数（不予立案）', source: CJ },
  closureRate: {
    kind: 'rate',
    label: '结案率',
    numerator: 'closed',
    plus: ['filed'],
    minus: ['pendingOnTime'],
    formula: '结案数 ÷ (立案数 − 按时待处置数) × 100%',
    source: CJ,
  },
  onTimeClosureRate: {
    kind: 'rate',
    label: '按期结案率',
    numerator: 'closedOnTime',
    plus: ['filed'],
    minus: ['pendingOnTime'],
    formula: '按期结案数 ÷ (立案数 − 按时待处置数) × 100%',
    source: `${CJ}；目标见 002 L37 "限时办结并反馈率95%以上"`,
  },
  reworkRate: { kind: 'rate', label: '返工率', numerator: 'reworked', plus: ['filed'], minus: [], formula: '返工数 ÷ 立案数 × 100%', source: CJ },
  // Only 满意 votes count, as 002 L41 writes it ("满意"票); 基本满意 is shown beside it, not added in.
  satisfactionRate: { kind: 'rate', label: '满意率', numerator: 'satisfiedVotes', plus: ['votes'], minus: [], formula: '满意票 ÷ 抽样票 × 100%', source: '002 L41 "网格工作满意度=网格居民“满意”票/网格居民抽样总票数×100%"' },
  overdue: { kind: 'count', label: '超期数', counter: 'overdue', formula: '办理期限届满仍未办结、被系统逐级上报的案件数', source: `${CJ}；PRODUCT.md §5 超期自动上报` },
  supervised: { kind: 'count', label: '督办数', counter: 'supervised', formula: '被挂牌督办的案件数', source: '001 L23 挂牌督办' },
  pendingOverdue: { kind: 'count', label: '超期未办结', counter: 'pendingOverdue', formula: '仍在办理且已超期的案件数', source: CJ },
  returned: { kind: 'count', label: '退回数', counter: 'returned', formula: '不属本网格、重复或信息不足而退回的上报数', source: 'PRODUCT.md §5 退回' },
};

/** A rate in percent with one decimal (half up), or null when nothing is there to divide by. */
export type KpiValue = number | null;

const PERCENT = 100;
const ONE_DECIMAL = 10;
export const percentOf = (numerator: number, denominator: number): KpiValue =>
  denominator <= 0 ? null : Math.round((numerator / denominator) * PERCENT * ONE_DECIMAL) / ONE_DECIMAL;

export function denominatorOf(def: RateKpi, c: Counters): number {
  const sum = (keys: readonly CounterKey[]) => keys.reduce((s, k) => s + c[k], 0);
  return sum(def.plus) - sum(def.minus);
}

/** One KPI over summed counters: a count, or a percentage (null with a zero denominator). */
export function kpiValue(key: KpiKey, c: Counters): KpiValue {
  const def = KPI_DEFINITIONS[key];
  return def.kind === 'count' ? c[def.counter] : percentOf(c[def.numerator], denominatorOf(def, c));
}

export type KpiValues = Record<KpiKey, KpiValue>;
export const kpisOf = (c: Counters): KpiValues => Object.fromEntries(KPI_KEYS.map((k) => [k, kpiValue(k, c)])) as KpiValues;

