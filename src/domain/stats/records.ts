import * as z from 'zod';
import { COUNTER_KEYS, addCounters, zeroCounters, type Counters } from './counters';
import { contributionOf, type StatsCase } from './contribution';

/**
 * The stored daily statistics (issue 16 item 2): `stats_daily`, ONE document per grid per China day,
 * `_id` `<gridId>-<YYYY-MM-DD>` (deterministic: a rebuild overwrites, never duplicates). The counters
 * are additive (counters.ts), broken down by category and by worker (the officer who signed) so those
 * levels are sums of rows too. Read and write only through `collectionOf`.
 */
const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));
const countersSchema = z.object(Object.fromEntries(COUNTER_KEYS.map((k) => [k, z.number().int().nonnegative().default(0)])) as Record<(typeof COUNTER_KEYS)[number], z.ZodDefault<z.ZodNumber>>);

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const dailyRowSchema = z
  .object({
    _id: z.string(),
    streetId: z.string(),
    communityId: z.string(),
    gridId: z.string(),
    /** Denormalised at build time so a dashboard needs no read of `grids` (round trips, issue 16 item 2). */
    gridName: z.string().optional(),
    day: z.string().regex(DAY_PATTERN),
    /** `YYYY-MM`: the monthly trend groups on it. */
    month: z.string(),
    counters: countersSchema,
    byCategory: z.array(z.object({ categoryId: z.string(), counters: countersSchema })).default([]),
    byOwner: z.array(z.object({ ownerId: z.string(), counters: countersSchema })).default([]),
    cases: z.number().int().nonnegative(),
    builtAt: storedDate,
  })
  .passthrough();
export type DailyRow = z.infer<typeof dailyRowSchema>;

export const dailyRowId = (gridId: string, day: string) => `${gridId}-${day}`;
export const monthOfDay = (day: string) => day.slice(0, 7);

export interface GridPlace {
  streetId: string;
  communityId: string;
  gridId: string;
  gridName?: string;
}

function addTo<K extends string>(list: Array<Record<K, string> & { counters: Counters }>, key: K, id: string, c: Counters) {
  const found = list.find((x) => x[key] === id);
  if (found) found.counters = addCounters(found.counters, c);
  else list.push({ [key]: id, counters: c } as Record<K, string> & { counters: Counters });
}

/**
 * The rows of one day for the given grids, from the cases reported that day in them. Every listed grid
 * gets a row, zero or not (a rebuild after a case left a grid must overwrite its old numbers); a case of a
 * grid not listed still gets its row (its place taken from the case). Pure and order-independent.
 */
export function buildDailyRows(day: string, grids: readonly GridPlace[], cases: readonly StatsCase[], builtAt: Date): DailyRow[] {
  const rows = new Map<string, DailyRow>();
  const rowOf = (p: GridPlace): DailyRow => {
    let row = rows.get(p.gridId);
    if (!row) {
      row = {
        _id: dailyRowId(p.gridId, day),
        streetId: p.streetId,
        communityId: p.communityId,
        gridId: p.gridId,
        ...(p.gridName ? { gridName: p.gridName } : {}),
        day,
        month: monthOfDay(day),
        counters: zeroCounters(),
        byCategory: [],
        byOwner: [],
        cases: 0,
        builtAt,
      };
      rows.set(p.gridId, row);
    }
    return row;
  };
  for (const g of grids) rowOf(g);
  for (const c of cases) {
    const k = contributionOf(c);
    if (k.day !== day) throw new RangeError(`case ${c._id} counts on ${k.day}, not ${day}`);
    const row = rowOf(k);
    row.counters = addCounters(row.counters, k.counters);
    row.cases += 1;
    addTo(row.byCategory, 'categoryId', k.categoryId, k.counters);
    if (k.ownerId) addTo(row.byOwner, 'ownerId', k.ownerId, k.counters);
  }
  // Stable order inside a row, so the same cases always give the same document.
  for (const row of rows.values()) {
    row.byCategory.sort((a, b) => a.categoryId.localeCompare(b.categoryId));
    row.byOwner.sort((a, b) => a.ownerId.localeCompare(b.ownerId));
  }
  return [...rows.values()].sort((a, b) => a._id.localeCompare(b._id));
}

/**
 * The month rows of `stats_monthly` (`_id` `<gridId>-<YYYY-MM>`): per grid, the sum of its daily rows of
 * the month — the same additive counters, kept beside the daily rows so a year's dashboard sums 12 rows
 * per grid instead of 365. A month row is always rebuilt from its daily rows, never incremented.
 */
export const monthlyRowId = (gridId: string, month: string) => `${gridId}-${month}`;

export function rollUpMonth(month: string, days: readonly DailyRow[], builtAt: Date): DailyRow[] {
  const byGrid = new Map<string, DailyRow>();
  for (const d of days) {
    if (d.month !== month) throw new RangeError(`row ${d._id} is of ${d.month}, not ${month}`);
    let row = byGrid.get(d.gridId);
    if (!row) {
      row = { ...d, _id: monthlyRowId(d.gridId, month), day: `${month}-01`, counters: zeroCounters(), byCategory: [], byOwner: [], cases: 0, builtAt };
      byGrid.set(d.gridId, row);
    }
    if (d.gridName) row.gridName = d.gridName;
    row.counters = addCounters(row.counters, d.counters);
    row.cases += d.cases;
    for (const c of d.byCategory) addTo(row.byCategory, 'categoryId', c.categoryId, c.counters);
    for (const o of d.byOwner) addTo(row.byOwner, 'ownerId', o.ownerId, o.counters);
  }
  for (const row of byGrid.values()) {
    row.byCategory.sort((a, b) => a.categoryId.localeCompare(b.categoryId));
    row.byOwner.sort((a, b) => a.ownerId.localeCompare(b.ownerId));
  }
  return [...byGrid.values()].sort((a, b) => a._id.localeCompare(b._id));
}

/** `stats_state/<streetId>`: where the change-following run left off (the newest `updatedAt` it counted). */
export const statsCursorSchema = z
  .object({ _id: z.string(), streetId: z.string().optional(), changedAfter: storedDate, changedAfterId: z.string().default(''), version: z.number().int().nonnegative(), updatedAt: storedDate })
  .passthrough();
export type StatsCursor = z.infer<typeof statsCursorSchema>;
