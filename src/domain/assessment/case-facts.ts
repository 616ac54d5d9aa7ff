import { contributionOf, type StatsCase } from '../stats/contribution';
import type { Counters } from '../stats/counters';
import { MAX_EVIDENCE_PER_FACT, type EvidenceRef, type Fact } from './facts';
import type { AutomaticMetric } from './rule-set';

/**
 * The case facts of an assessment, from the SAME per-case contribution the statistics use
 * (src/domain/stats, issue 16 item 1), so a sheet's 按期结案率 equals the dashboard's for the same cases.
 * Each fact lists the cases that fell short as its evidence.
 */

export type CaseFactMetric = Extract<AutomaticMetric, `cases.${string}`>;

function evidenceOf(cases: readonly StatsCase[], label: string): EvidenceRef[] {
  return cases.slice(0, MAX_EVIDENCE_PER_FACT).map((c) => ({ kind: 'case', id: c._id, label: `${c.categoryLabel ?? '案件'}${label}`.slice(0, 80) }));
}

type Row = { c: StatsCase; k: Counters };

const count = (rows: Row[], pick: (r: Row) => boolean, label: string): Fact => {
  const hit = rows.filter(pick);
  return { kind: 'count', count: hit.length, evidence: evidenceOf(hit.map((r) => r.c), label) };
};

/** 按期/结案 rates over 立案 − 按时待处置 (stats kpis.ts); the evidence is what counts against them. */
const closure = (rows: Row[], closedKey: 'closedOnTime' | 'closed', label: string): Fact => {
  const inDenominator = rows.filter((r) => r.k.filed === 1 && r.k.pendingOnTime === 0);
  const numerator = inDenominator.filter((r) => r.k[closedKey] === 1);
  const short = inDenominator.filter((r) => r.k[closedKey] === 0);
  return { kind: 'rate', numerator: numerator.length, denominator: inDenominator.length, evidence: evidenceOf(short.map((r) => r.c), label) };
};

export const CASE_FACTS: Record<CaseFactMetric, (rows: Row[]) => Fact> = {
  'cases.late': (rows) => count(rows, (r) => r.k.overdue === 1, ' 超期'),
  'cases.supervised': (rows) => count(rows, (r) => r.k.supervised === 1, ' 被督办'),
  'cases.onTimeRate': (rows) => closure(rows, 'closedOnTime', ' 未按期结案'),
  'cases.closeRate': (rows) => closure(rows, 'closed', ' 未结案'),
  'cases.satisfaction': (rows) => {
    const votes = rows.reduce((s, r) => s + r.k.votes, 0);
    const satisfied = rows.reduce((s, r) => s + r.k.satisfiedVotes, 0);
    const unhappy = rows.filter((r) => r.k.votes > r.k.satisfiedVotes).map((r) => r.c);
    return { kind: 'rate', numerator: satisfied, denominator: votes, evidence: evidenceOf(unhappy, ' 未评满意') };
  },
  // 002 L25 "得到居民肯定及认可": closed cases the reporter rated 满意 or 基本满意 and never 不满意.
  'cases.resolvedAcknowledged': (rows) =>
    count(rows, (r) => r.k.closed === 1 && r.k.votes > 0 && r.k.dissatisfiedVotes === 0, ' 已解决并获认可'),
};

export const isCaseMetric = (m: AutomaticMetric): m is CaseFactMetric => m in CASE_FACTS;

/** Every case metric over the given cases (those of one worker, grid or community in the period). */
export function caseFacts(cases: readonly StatsCase[]): Record<CaseFactMetric, Fact> {
  const rows = cases.map((c) => ({ c, k: contributionOf(c).counters }));
  return Object.fromEntries(Object.entries(CASE_FACTS).map(([m, f]) => [m, f(rows)])) as Record<CaseFactMetric, Fact>;
}
