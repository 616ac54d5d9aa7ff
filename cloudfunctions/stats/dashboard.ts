import { checkedScope } from './checked-scope';
import { findCategory } from '../../src/domain/case/categories';
import { categoriesConfigRecordSchema } from '../../src/domain/case/records';
import { DEFAULT_CATEGORIES } from '../../src/domain/case/categories';
import {
  composeDashboard,
  COUNTER_KEYS,
  monthPeriod,
  monthToDate,
  statsConfigId,
  statsConfigSchema,
  zeroCounters,
  type CategorySum,
  type Counters,
  type GridMonths,
  type Period,
  type ResolvedScope,
  type ScopeInput,
} from '../../src/domain/stats';
import { periodInstants } from '../../src/domain/stats/period';
import * as z from 'zod';
import { requireCaller, type Database, type Invocation } from '../_lib';
import { configsOf } from '../_lib/cases/street-config';
import { monthRowsOf, rowsOf } from '../_lib/stats/rows';

/**
 * dashboard (issue 16 items 2–3): a scope's figures over a period from the daily rows, in three round
 * trips whatever the period — the caller (`users`), ONE aggregation over `stats_daily`, and the street's
 * `configs` (targets and category names) read alongside it. Never reads cases.
 */

/** A scope's grids and categories together; more means a scope too wide for one screen (the accessor refuses to cut). */
export const AGGREGATE_LIMIT = 1000;

const counterSums = z.object(Object.fromEntries(COUNTER_KEYS.map((k) => [k, z.number().optional()])) as Record<keyof Counters, z.ZodOptional<z.ZodNumber>>);
/** One row of the pipeline below: a grid's or a category's months of summed counters. */
const factSchema = z.object({
  _id: z.object({ k: z.enum(['g', 'c']), id: z.string() }),
  name: z.string().nullish(),
  communityId: z.string().nullish(),
  months: z.array(counterSums.extend({ month: z.string() })),
});
type Fact = z.infer<typeof factSchema>;

/**
 * One pipeline for both breakdowns: each row becomes facts — one for its grid (with the month) and one
 * per category — that are summed per (kind, id, month), then gathered per (kind, id) with their months.
 * Output: one document per grid and per category of the scope, never per day.
 */
/**
 * Where a period's figures are summed from: whole months from the month rows (a year is 12 rows per
 * grid), any other period from the daily rows. Both hold the same additive counters.
 */
export function rowsSource(db: Database, period: Period): { rows: ReturnType<typeof rowsOf>; match: Record<string, unknown> } {
  const _ = db.command;
  const whole = period.from.endsWith('-01') && monthPeriod(period.to.slice(0, 7)).to === period.to;
  return whole
    ? { rows: monthRowsOf(db), match: { month: _.gte(period.from.slice(0, 7)).and(_.lte(period.to.slice(0, 7))) } }
    : { rows: rowsOf(db), match: { day: _.gte(period.from).and(_.lte(period.to)) } };
}

export async function aggregateFacts(db: Database, scope: ResolvedScope, period: Period): Promise<Fact[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const sums = Object.fromEntries(COUNTER_KEYS.map((k) => [k, $.sum(`$facts.counters.${k}`)]));
  const monthly = Object.fromEntries(COUNTER_KEYS.map((k) => [k, `$${k}`]));
  const source = rowsSource(db, period);
  return source.rows.aggregate(
    (p) =>
      p
        .match({ ...scope.match, ...source.match })
        .project({
          facts: $.concatArrays([
            [{ k: 'g', id: '$gridId', name: '$gridName', communityId: '$communityId', month: '$month', counters: '$counters' }],
            $.map({ input: '$byCategory', as: 'c', in: { k: 'c', id: '$$c.categoryId', month: '$month', counters: '$$c.counters' } }),
          ]),
        })
        .unwind('$facts')
        .group({ _id: { k: '$facts.k', id: '$facts.id', month: '$facts.month' }, name: $.first('$facts.name'), communityId: $.first('$facts.communityId'), ...sums })
        .group({ _id: { k: '$_id.k', id: '$_id.id' }, name: $.first('$name'), communityId: $.first('$communityId'), months: $.push({ month: '$_id.month', ...monthly }) }),
    factSchema,
    { max: AGGREGATE_LIMIT },
  );
}

const countersFrom = (m: Partial<Counters>): Counters => {
  const c = zeroCounters();
  for (const k of COUNTER_KEYS) c[k] = Number(m[k] ?? 0);
  return c;
};

export async function loadStatsConfig(db: Database, streetId: string) {
  const ids = [statsConfigId(streetId), `categories-${streetId}`];
  const byId = new Map((await configsOf(db).loadMany(ids)).map((d) => [d._id, d]));
  const stored = byId.get(ids[0]) as { targets?: unknown } | undefined;
  const cats = byId.get(ids[1]);
  return {
    config: statsConfigSchema.parse({ targets: stored?.targets ?? undefined }),
    categories: cats ? categoriesConfigRecordSchema.parse(cats).categories : DEFAULT_CATEGORIES,
  };
}

export async function dashboard(input: { scope?: ScopeInput; period?: Period }, call: Invocation) {
  const caller = await requireCaller(call);
  const scope = await checkedScope(call.db, caller.roles, input.scope);
  const period = input.period ?? monthToDate(call.now);
  const [facts, { config, categories }] = await Promise.all([aggregateFacts(call.db, scope, period), loadStatsConfig(call.db, scope.match.streetId)]);
  const grids: GridMonths[] = facts
    .filter((f) => f._id.k === 'g')
    .map((f) => ({ gridId: f._id.id, ...(f.name ? { gridName: f.name } : {}), communityId: f.communityId ?? '', months: f.months.map((m) => ({ month: m.month, counters: countersFrom(m) })) }));
  const cats: CategorySum[] = facts
    .filter((f) => f._id.k === 'c')
    .map((f) => ({ categoryId: f._id.id, counters: countersFrom(Object.fromEntries(COUNTER_KEYS.map((k) => [k, f.months.reduce((s, m) => s + Number(m[k] ?? 0), 0)]))) }));
  const label = (id: string) => findCategory(categories, id)?.label ?? id;
  const board = composeDashboard({ period, grids, categories: cats, config, categoryLabel: label });
  const { start, end } = periodInstants(period);
  return { scope: { level: scope.level, id: scope.id }, period, from: start.toISOString(), to: end.toISOString(), ...board };
}
