import * as z from 'zod';
import { DAY_MS } from '../../../src/domain/calendar/china-time';
import { caseRecordSchema } from '../../../src/domain/case/records';
import { gridRecordSchema, streetRecordSchema } from '../../../src/domain/org/records';
import { buildDailyRows, dailyRowSchema, monthOfDay, rollUpMonth, statsDayOf, type DailyRow, type GridPlace } from '../../../src/domain/stats';
import { periodInstants } from '../../../src/domain/stats/period';
import type { Database } from '../app';
import { collectionOf } from '../records';

/**
 * The daily rows' store (issue 16 item 2): recomputing a grid-day or a street-day from the cases, and
 * writing the rows with their deterministic `_id` (`set`: a rebuild overwrites, so running it twice, or
 * two runs at once, leaves the same documents).
 */
export const ROWS = 'stats_daily';
/** Month rows: per grid, the sum of its daily rows of the month (src/domain/stats/records.ts rollUpMonth). */
export const MONTH_ROWS = 'stats_monthly';
export const STATE = 'stats_state';

export const rowsOf = (db: Database) => collectionOf(db, ROWS, dailyRowSchema);
export const monthRowsOf = (db: Database) => collectionOf(db, MONTH_ROWS, dailyRowSchema);
/** Only the fields the figures read; the one case schema, picked. */
export const statsCaseSchema = caseRecordSchema
  .pick({ _id: true, state: true, streetId: true, communityId: true, gridId: true, categoryId: true, categoryLabel: true, createdAt: true, reworkCount: true, ownerId: true, rating: true, supervision: true, timeline: true, updatedAt: true })
  .passthrough();
export const statsCasesOf = (db: Database) => collectionOf(db, 'cases', statsCaseSchema);
const gridPlaceSchema = gridRecordSchema.pick({ _id: true, streetId: true, communityId: true, name: true }).passthrough();
export const gridsOf = (db: Database) => collectionOf(db, 'grids', gridPlaceSchema);
export const streetsOf = (db: Database) => collectionOf(db, 'streets', streetRecordSchema.pick({ _id: true }).passthrough());

/** At most this many row writes in flight: a street-day is ~100 writes, sent in a few waves. */
const WRITE_CONCURRENCY = 10;

const placeOf = (g: z.infer<typeof gridPlaceSchema>): GridPlace => ({ streetId: g.streetId, communityId: g.communityId, gridId: g._id, gridName: g.name });

async function writeRows(db: Database, rows: readonly DailyRow[], collection = ROWS): Promise<number> {
  for (let i = 0; i < rows.length; i += WRITE_CONCURRENCY) {
    await Promise.all(
      rows.slice(i, i + WRITE_CONCURRENCY).map(({ _id, ...rest }) => db.collection(collection).doc(_id).set(rest)),
    );
  }
  return rows.length;
}

/** Rewrites the month rows of `where`'s grids for `month` from their daily rows (read whole, never incremented). */
async function rollUp(db: Database, where: Record<string, unknown>, month: string, now: Date): Promise<number> {
  const days = await rowsOf(db).all({ ...where, month }, { max: 100_000 });
  return writeRows(db, rollUpMonth(month, days, now), MONTH_ROWS);
}

const dayRange = (day: string) => {
  const { start, end } = periodInstants({ from: day, to: day });
  return { start, end };
};

/** The cases of `where` reported on China day `day`, every page read (never truncated). */
async function casesOfDay(db: Database, where: Record<string, unknown>, day: string) {
  const _ = db.command;
  const { start, end } = dayRange(day);
  return statsCasesOf(db).all({ ...where, createdAt: _.gte(start).and(_.lt(end)) }, { orderBy: ['createdAt', 'asc'], max: 100_000 });
}

/** Recomputes the rows of the given grid-days from their cases: one read and one write per grid-day. */
export async function rebuildGridDays(db: Database, pairs: ReadonlyArray<{ gridId: string; day: string }>, now: Date): Promise<number> {
  const unique = [...new Map(pairs.map((p) => [`${p.gridId}|${p.day}`, p])).values()];
  if (!unique.length) return 0;
  const grids = new Map((await gridsOf(db).loadMany([...new Set(unique.map((p) => p.gridId))])).map((g) => [g._id, placeOf(g)]));
  let written = 0;
  for (let i = 0; i < unique.length; i += WRITE_CONCURRENCY) {
    const counts = await Promise.all(
      unique.slice(i, i + WRITE_CONCURRENCY).map(async ({ gridId, day }) => {
        const cases = await casesOfDay(db, { gridId }, day);
        const place = grids.get(gridId);
        const rows = buildDailyRows(day, place ? [place] : [], cases, now);
        return writeRows(db, rows);
      }),
    );
    written += counts.reduce((a, b) => a + b, 0);
  }
  const months = [...new Map(unique.map((p) => [`${p.gridId}|${monthOfDay(p.day)}`, { gridId: p.gridId, month: monthOfDay(p.day) }])).values()];
  for (let i = 0; i < months.length; i += WRITE_CONCURRENCY) {
    await Promise.all(months.slice(i, i + WRITE_CONCURRENCY).map((m) => rollUp(db, { gridId: m.gridId }, m.month, now)));
  }
  return written;
}

/**
 * Rebuilds a street's rows of one day: every grid of the street gets its row (zero or not) from the
 * day's cases; a row of that day whose grid has left the street is zeroed. Idempotent.
 */
export async function rebuildStreetDay(db: Database, streetId: string, day: string, now: Date): Promise<{ rows: number; cases: number }> {
  const [grids, cases, existing] = await Promise.all([
    gridsOf(db).all({ streetId }, { max: 10_000 }),
    casesOfDay(db, { streetId }, day),
    rowsOf(db).all({ streetId, day }, { max: 10_000 }),
  ]);
  const places = grids.map(placeOf);
  const known = new Set(places.map((p) => p.gridId));
  for (const r of existing) if (!known.has(r.gridId)) places.push({ streetId, communityId: r.communityId, gridId: r.gridId, ...(r.gridName ? { gridName: r.gridName } : {}) });
  const rows = buildDailyRows(day, places, cases, now);
  const written = await writeRows(db, rows);
  await rollUp(db, { streetId }, monthOfDay(day), now);
  return { rows: written, cases: cases.length };
}

export const gridDayOf = (c: { gridId: string; createdAt: Date }) => ({ gridId: c.gridId, day: statsDayOf(c) });

/** The day before `now`'s China day. */
export const yesterdayOf = (now: Date): string => statsDayOf({ createdAt: new Date(now.getTime() - DAY_MS) });
