import { checkedScope } from './checked-scope';
import { COUNTER_KEYS, kpisOf, monthToDate, periodInstants, workFiguresOf, zeroCounters, type Counters, type Period, type ScopeInput, type WorkFigures } from '../../src/domain/stats';
import * as z from 'zod';
import { DomainError } from '../../src/domain/errors';
import { meetingAttendanceOf } from '../../src/domain/meeting/attendance';
import type { ScopeMatch } from '../../src/domain/stats/scope';
import { workerPlaces } from '../../src/domain/worklog';
import { requireCaller, type Caller, type Invocation } from '../_lib';
import { chinaDayIndex, chinaIsoDate } from '../../src/domain/calendar/china-time';
// The worklog compliance view's ONE fact gathering: the work figures count what compliance counts.
import { loadComplianceFacts } from '../worklog/compliance-facts';
import { streetWorkConfigFrom } from '../worklog/street-rules';
import { userRowsOf } from '../_lib/notify';
import { AGGREGATE_LIMIT, rowsSource } from './dashboard';

/** One officer's counters summed over the scope and period. */
const ownerSumSchema = z.object({ _id: z.string() }).extend(Object.fromEntries(COUNTER_KEYS.map((k) => [k, z.number().optional()])) as Record<keyof Counters, z.ZodOptional<z.ZodNumber>>);

/**
 * workers: the worker level of the figures (issue 16 item 1, street → community → grid → worker): the
 * rows' per-officer breakdown summed over the scope and period; names from `users`; beside them each
 * worker's info items and meeting attendance (work-figures.ts) from compliance's facts. Four round trips.
 */
export async function workers(input: { scope?: ScopeInput; period?: Period }, call: Invocation) {
  const caller = await requireCaller(call);
  const scope = await checkedScope(call.db, caller.roles, input.scope);
  const period = input.period ?? monthToDate(call.now);
  const $ = call.db.command.aggregate;
  const source = rowsSource(call.db, period);
  const list = await source.rows.aggregate(
    (p) =>
      p
        .match({ ...scope.match, ...source.match })
        .unwind('$byOwner')
        .group({ _id: '$byOwner.ownerId', ...Object.fromEntries(COUNTER_KEYS.map((k) => [k, $.sum(`$byOwner.counters.${k}`)])) }),
    ownerSumSchema,
    { max: AGGREGATE_LIMIT },
  );
  const users = await userRowsOf(call.db).loadMany(list.map((w) => w._id));
  const names = new Map(users.map((u) => [u._id, u.name]));
  const work = await workOf(call, caller, scope.match, period);
  // Workers of the scope who signed for no case still have work figures: listed with zero case counters.
  const owners = new Set(list.map((w) => w._id));
  const idle = work.workers.filter((w) => !owners.has(w.id)).map((w) => ({ _id: w.id }));
  for (const w of work.workers) names.set(w.id, names.get(w.id) ?? w.name);
  return {
    workers: [...list, ...idle]
      .map((w: z.infer<typeof ownerSumSchema>) => {
        const counters = zeroCounters();
        for (const k of COUNTER_KEYS) counters[k] = Number(w[k] ?? 0);
        return { userId: w._id, name: names.get(w._id) ?? '（已离岗人员）', counters, kpis: kpisOf(counters), work: work.figures ? work.figures(w._id) : null };
      })
      .sort((a, b) => b.counters.filed - a.counters.filed || a.name.localeCompare(b.name, 'zh-CN')),
    workNote: work.note,
  };
}

const chinaDate = (at: Date) => chinaIsoDate(chinaDayIndex(at.getTime()));

/** Info items, meeting attendance, patrol days, visits and log days per worker of the scope, from compliance's facts of the period. */
async function workOf(call: Invocation, caller: Caller, match: ScopeMatch, period: Period) {
  const { start, end } = periodInstants(period);
  let facts;
  try {
    facts = await loadComplianceFacts(call.db, caller.userId, { streetId: match.streetId, from: start, to: end, fromDate: period.from, lastDate: period.to });
  } catch (e) {
    // Too many facts for one answer: the case figures still stand; the work figures ask for a narrower view.
    if (e instanceof DomainError && e.code === 'CONFLICT') return { workers: [], figures: null, note: e.message };
    throw e;
  }
  const rules = streetWorkConfigFrom(match.streetId, facts.configs).rules;
  const policy = { approvedLeaveExcused: rules.meetings_leave_excused.amount >= 1 };
  const inScope = (roles: Caller['roles']) =>
    workerPlaces(roles).some((p) => p.streetId === match.streetId && (!match.communityId || p.communityId === match.communityId) && (!match.gridId || p.gridId === match.gridId));
  const workers = facts.workers.filter((u) => inScope(u.roles)).map((u) => ({ id: u._id, name: u.name }));
  const { patrolMinutesPerDay } = streetWorkConfigFrom(match.streetId, facts.configs);
  const figures = (userId: string): WorkFigures => {
    const minutes = new Map<string, number>();
    for (const p of facts.patrols) if (p.workerId === userId) minutes.set(chinaDate(p.startedAt), (minutes.get(chinaDate(p.startedAt)) ?? 0) + (p.minutes ?? 0));
    return workFiguresOf({
      infoItems: facts.cases.filter((c) => c.reporterId === userId).length,
      meetings: meetingAttendanceOf(facts.attendance.filter((a) => a.userId === userId), policy, call.now),
      patrolMinutesByDate: minutes,
      patrolMinutesPerDay: patrolMinutesPerDay.amount,
      visits: facts.visits.filter((v) => v.workerId === userId).length,
      logDates: new Set(facts.logs.filter((l) => l.workerId === userId).map((l) => l.date)),
    });
  };
  return { workers, figures, note: null };
}
