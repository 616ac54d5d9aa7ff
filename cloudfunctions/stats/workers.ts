import { checkedScope } from './checked-scope';
import { COUNTER_KEYS, kpisOf, monthToDate, zeroCounters, type Counters, type Period, type ScopeInput } from '../../src/domain/stats';
import { z } from 'zod';
import { requireCaller, type Invocation } from '../_lib';
import { userRowsOf } from '../_lib/notify';
import { AGGREGATE_LIMIT, rowsSource } from './dashboard';

/** One officer's counters summed over the scope and period. */
const ownerSumSchema = z.object({ _id: z.string() }).extend(Object.fromEntries(COUNTER_KEYS.map((k) => [k, z.number().optional()])) as Record<keyof Counters, z.ZodOptional<z.ZodNumber>>);

/**
 * workers: the worker level of the figures (issue 16 item 1, street → community → grid → worker): the
 * rows' per-officer breakdown summed over the scope and period; names from `users`. Three round trips.
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
  return {
    workers: list
      .map((w) => {
        const counters = zeroCounters();
        for (const k of COUNTER_KEYS) counters[k] = Number(w[k] ?? 0);
        return { userId: w._id, name: names.get(w._id) ?? '（已离岗人员）', counters, kpis: kpisOf(counters) };
      })
      .sort((a, b) => b.counters.filed - a.counters.filed || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
