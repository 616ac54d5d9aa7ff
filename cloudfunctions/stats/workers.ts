import { COUNTER_KEYS, kpisOf, monthToDate, resolveScope, zeroCounters, type Counters, type Period, type ScopeInput } from '../../src/domain/stats';
import { requireCaller, type Invocation } from '../_lib';
import { AGGREGATE_LIMIT, rowsSource } from './dashboard';

/**
 * workers: the worker level of the figures (issue 16 item 1, street → community → grid → worker): the
 * rows' per-officer breakdown summed over the scope and period; names from `users`. Three round trips.
 */
export async function workers(input: { scope?: ScopeInput; period?: Period }, call: Invocation) {
  const caller = await requireCaller(call);
  const scope = resolveScope(caller.roles, input.scope);
  const period = input.period ?? monthToDate(call.now);
  const _ = call.db.command;
  const $ = _.aggregate;
  const source = rowsSource(call.db, period);
  const res = await call.db
    .collection(source.collection)
    .aggregate()
    .match({ ...scope.match, ...source.match })
    .unwind('$byOwner')
    .group({ _id: '$byOwner.ownerId', ...Object.fromEntries(COUNTER_KEYS.map((k) => [k, $.sum(`$byOwner.counters.${k}`)])) })
    .limit(AGGREGATE_LIMIT)
    .end();
  const list = ((res as { data?: unknown[] }).data ?? []) as Array<{ _id: string } & Partial<Counters>>;
  const ids = list.map((w) => w._id);
  const { data: users } = ids.length ? await call.db.collection('users').where({ _id: _.in(ids) }).field({ _id: true, name: true }).limit(AGGREGATE_LIMIT).get() : { data: [] };
  const names = new Map((users as Array<{ _id: string; name: string }>).map((u) => [u._id, u.name]));
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
