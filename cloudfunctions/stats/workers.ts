import { checkedScope } from './checked-scope';
import { COUNTER_KEYS, kpisOf, monthToDate, zeroCounters, type Counters, type Period, type ScopeInput, type WorkFigures } from '../../src/domain/stats';
import * as z from 'zod';
import type { ScopeMatch } from '../../src/domain/stats/scope';
import { requireCaller, type Caller, type Invocation } from '../_lib';
import { isTooMany, mayOpenRecords, scopeWorkOf } from './worker-work';
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
        return { userId: w._id, name: names.get(w._id) ?? '（已离岗人员）', counters, kpis: kpisOf(counters), work: work.figures ? work.figures(w._id) : null, recordsOpen: work.mayOpen(w._id) };
      })
      .sort((a, b) => b.counters.filed - a.counters.filed || a.name.localeCompare(b.name, 'zh-CN')),
    workNote: work.note,
  };
}

/** Info items, meeting attendance, patrol days, visits and log days per worker of the scope (worker-work.ts, the drill-down's own code). */
async function workOf(call: Invocation, caller: Caller, match: ScopeMatch, period: Period) {
  try {
    const work = await scopeWorkOf(call, caller, match, period);
    return { workers: work.workers, figures: (userId: string): WorkFigures => work.of(userId).figures, mayOpen: (userId: string) => mayOpenRecords(work, caller, userId), note: null };
  } catch (e) {
    // Too many facts for one answer: the case figures still stand; the work figures ask for a narrower view.
    if (isTooMany(e)) return { workers: [], figures: null, mayOpen: () => false, note: e.message };
    throw e;
  }
}
