import { DomainError } from '../../src/domain/errors';
import { periodInstants, type Period } from '../../src/domain/stats';
import type { ScopeMatch } from '../../src/domain/stats/scope';
import { workerWorkOf, type OneWorkerFacts, type WorkerWorkRules } from '../../src/domain/stats/worker-records';
import { canSeeWorker, workerPlaces } from '../../src/domain/worklog';
import type { Caller, Invocation } from '../_lib';
// The worklog compliance view's ONE fact gathering: the work figures count what compliance counts.
import { loadComplianceFacts, type ComplianceFacts } from '../worklog/compliance-facts';
import { streetWorkConfigFrom } from '../worklog/street-rules';

/**
 * The work of the workers of a scope over a period (issue 16 item 1), shared by `stats.workers` (the
 * figures) and `stats.workerRecords` (the records behind them): the same facts, the same street rules,
 * the same per-worker filter and the same `workerWorkOf`, so a drill-down list has the figure's length.
 */
export interface ScopeWork {
  /** Workers whose grids lie in the scope, as `stats.workers` lists them. */
  workers: Array<{ id: string; name: string; roles: Caller['roles'] }>;
  rules: WorkerWorkRules;
  of: (userId: string) => ReturnType<typeof workerWorkOf>;
}

export const inScopeMatch = (roles: Caller['roles'], match: ScopeMatch) =>
  workerPlaces(roles).some((p) => p.streetId === match.streetId && (!match.communityId || p.communityId === match.communityId) && (!match.gridId || p.gridId === match.gridId));

const oneWorker = (facts: ComplianceFacts, userId: string): OneWorkerFacts => ({
  patrols: facts.patrols.filter((p) => p.workerId === userId),
  visits: facts.visits.filter((v) => v.workerId === userId),
  logs: facts.logs.filter((l) => l.workerId === userId),
  cases: facts.cases.filter((c) => c.reporterId === userId),
  attendance: facts.attendance.filter((a) => a.userId === userId),
});

/**
 * Throws CONFLICT (from compliance-facts) when a kind of fact of the period exceeds FACTS_LIMIT: the
 * figures would be cut short, so none is shown. `workerId` reads only that worker's facts (the drill-down).
 */
export async function scopeWorkOf(call: Invocation, caller: Caller, match: ScopeMatch, period: Period, workerId?: string): Promise<ScopeWork> {
  const { start, end } = periodInstants(period);
  const facts = await loadComplianceFacts(call.db, caller.userId, { streetId: match.streetId, from: start, to: end, fromDate: period.from, lastDate: period.to, ...(workerId ? { workerId } : {}) });
  const config = streetWorkConfigFrom(match.streetId, facts.configs);
  const rules: WorkerWorkRules = { patrolMinutesPerDay: config.patrolMinutesPerDay.amount, policy: { approvedLeaveExcused: config.rules.meetings_leave_excused.amount >= 1 } };
  const workers = facts.workers.filter((u) => inScopeMatch(u.roles, match)).map((u) => ({ id: u._id, name: u.name, roles: u.roles }));
  return { workers, rules, of: (userId) => workerWorkOf(oneWorker(facts, userId), rules, call.now) };
}

/**
 * Whether the caller may open this worker's records (stats.workerRecords): the worker belongs to the scope
 * and is the caller, or works in a grid the caller supervises (worklog canSeeWorker). The card shows its
 * lines as links by the same rule, so a tap never ends in a refusal.
 */
export const mayOpenRecords = (work: Pick<ScopeWork, 'workers'>, caller: Caller, userId: string): boolean => {
  const w = work.workers.find((x) => x.id === userId);
  return w !== undefined && canSeeWorker(caller, { userId: w.id, roles: w.roles });
};

export const isTooMany = (e: unknown): e is DomainError => e instanceof DomainError && e.code === 'CONFLICT';
