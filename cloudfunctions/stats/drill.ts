import { checkedScope } from './checked-scope';
import { CASE_STATES, CASE_STATE_LABELS } from '../../src/domain/case/case-state';
import { countersOf, KPI_STANDING, monthToDate, resolveScope, wasOverdue, type CounterKey, type Period, type ScopeInput } from '../../src/domain/stats';
import { periodInstants } from '../../src/domain/stats/period';
import { requireCaller, type Database, type Invocation } from '../_lib';
import { casesOf } from '../_lib/cases/store';
import type { Where } from '../_lib/records';
import type { CaseRecord } from '../../src/domain/case/records';

/**
 * cases: the cases behind a figure (issue 16 item 1 "each figure drills down to the records behind it").
 * The database narrows by scope, period and a coarse condition per counter; the exact test is the SAME
 * `countersOf` that built the daily rows, so the list and the figure cannot disagree. Paged with the
 * records accessor's cursor; a page may hold fewer than `limit` after the exact test, `next` goes on.
 */
const statesOf = (standing: 'pending' | 'closed' | 'returned') => CASE_STATES.filter((s) => KPI_STANDING[s] === standing);

const COARSE: Record<CounterKey, (db: Database) => Where> = {
  reported: () => ({}),
  filed: (db) => ({ state: db.command.neq('returned') }),
  returned: () => ({ state: 'returned' }),
  closed: (db) => ({ state: db.command.in(statesOf('closed')) }),
  closedOnTime: (db) => ({ state: db.command.in(statesOf('closed')) }),
  pendingOnTime: (db) => ({ state: db.command.in(statesOf('pending')) }),
  pendingOverdue: (db) => ({ state: db.command.in(statesOf('pending')), 'timeline.type': 'escalate' }),
  overdue: () => ({ 'timeline.type': 'escalate' }),
  reworked: (db) => ({ reworkCount: db.command.gt(0) }),
  supervised: (db) => ({ supervision: db.command.exists(true) }),
  votes: (db) => ({ rating: db.command.exists(true) }),
  satisfiedVotes: (db) => ({ rating: db.command.exists(true) }),
  basicallySatisfiedVotes: (db) => ({ rating: db.command.exists(true) }),
  dissatisfiedVotes: (db) => ({ rating: db.command.exists(true) }),
};

export interface DrillInput {
  scope?: ScopeInput;
  period?: Period;
  figure: CounterKey;
  gridId?: string;
  categoryId?: string;
  ownerId?: string;
  after?: string;
  limit?: number;
}

/** The where of a drill-down (exported for the ledgers, which list the same cases). */
export function drillWhere(db: Database, scope: ReturnType<typeof resolveScope>, period: Period, input: Pick<DrillInput, 'figure' | 'gridId' | 'categoryId' | 'ownerId'>): Where | null {
  const _ = db.command;
  // A grid outside the resolved scope gives nothing (the scope's own grid wins over the narrowing).
  if (input.gridId && scope.match.gridId && input.gridId !== scope.match.gridId) return null;
  const { start, end } = periodInstants(period);
  return {
    ...COARSE[input.figure](db),
    ...scope.match,
    ...(input.gridId && !scope.match.gridId ? { gridId: input.gridId } : {}),
    ...(input.categoryId ? { categoryId: input.categoryId } : {}),
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    createdAt: _.gte(start).and(_.lt(end)),
  };
}

export const drillItemOf = (c: CaseRecord) => ({
  caseId: c._id,
  state: c.state,
  stateLabel: CASE_STATE_LABELS[c.state],
  categoryId: c.categoryId,
  categoryLabel: c.categoryLabel,
  summary: c.description.slice(0, 60),
  gridId: c.gridId,
  communityId: c.communityId,
  createdAt: c.createdAt.toISOString(),
  overdue: wasOverdue(c),
  supervised: c.supervision !== undefined,
  ...(c.rating ? { rating: c.rating } : {}),
  reworked: c.reworkCount > 0,
});

const DEFAULT_LIMIT = 50;

export async function drillCases(input: DrillInput, call: Invocation) {
  const caller = await requireCaller(call);
  const scope = await checkedScope(call.db, caller.roles, input.scope);
  const period = input.period ?? monthToDate(call.now);
  const where = drillWhere(call.db, scope, period, input);
  if (!where) return { figure: input.figure, items: [], next: null };
  const page = await casesOf(call.db).page(where, { orderBy: ['createdAt', 'desc'], after: input.after ?? null, limit: input.limit ?? DEFAULT_LIMIT });
  const items = page.items.filter((c) => countersOf(c)[input.figure] > 0).map(drillItemOf);
  return { figure: input.figure, items, next: page.next };
}
