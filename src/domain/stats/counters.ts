/**
 * The additive daily counters every case figure is built from (issue 16 item 2). Each counter is a plain
 * count of cases (or of votes), so the counters of any period and scope are the SUM of the daily rows of
 * the grids in it: a street's year is 100 grids × 365 rows added up, never a recount of cases.
 *
 * Attribution: a case counts on the China calendar day it was REPORTED, in its grid, with what has become
 * of it since (cohort counting, as CJ/T 315 / GB/T 30428 define 结案率 over the cases 立案 in the period).
 * So when a case filed on 3 November is closed on 2 December, November's row changes — a rebuild of that
 * day gives the same numbers as counting November's cases directly.
 */
export const COUNTER_KEYS = [
  'reported', // 上报数: every report, returned ones included
  'filed', // 立案数: reports not returned (退回 = 不予立案: not the grid's business, duplicate, insufficient)
  'returned', // 退回数
  'closed', // 结案数: 核查 passed, rated, archived, or 移交 with a written record
  'closedOnTime', // 按期结案数: closed and never overdue
  'pendingOnTime', // 按时待处置数: still in the workflow (办结 awaiting 核查 included), not overdue
  'pendingOverdue', // 超期待处置数: still in the workflow and overdue
  'overdue', // 超期数: a deadline ran out at least once (the timer escalated it for lateness)
  'reworked', // 返工数: reopened by a 不满意 rating
  'supervised', // 督办数: flagged 挂牌督办
  'votes', // 抽样票: ratings given by reporters (each rating event is one vote)
  'satisfiedVotes', // 满意票
  'basicallySatisfiedVotes', // 基本满意票
  'dissatisfiedVotes', // 不满意票
] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];
export type Counters = Record<CounterKey, number>;

export const COUNTER_LABELS: Record<CounterKey, string> = {
  reported: '上报数',
  filed: '立案数',
  returned: '退回数',
  closed: '结案数',
  closedOnTime: '按期结案数',
  pendingOnTime: '按时待处置数',
  pendingOverdue: '超期待处置数',
  overdue: '超期数',
  reworked: '返工数',
  supervised: '督办数',
  votes: '抽样票',
  satisfiedVotes: '满意票',
  basicallySatisfiedVotes: '基本满意票',
  dissatisfiedVotes: '不满意票',
};

export const zeroCounters = (): Counters => Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as Counters;

export function addCounters(a: Counters, b: Partial<Counters>): Counters {
  const out = { ...a };
  for (const k of COUNTER_KEYS) out[k] += b[k] ?? 0;
  return out;
}

export const sumCounters = (rows: Iterable<Partial<Counters>>): Counters => {
  let total = zeroCounters();
  for (const r of rows) total = addCounters(total, r);
  return total;
};
