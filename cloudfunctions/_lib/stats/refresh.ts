import * as z from 'zod';
import type { Database } from '../app';
import { collectionOf } from '../records';
import { gridDayOf, rebuildGridDays, rebuildStreetDay, STATE, statsCasesOf, streetsOf, yesterdayOf } from './rows';

/**
 * The statistics timer (issue 16 item 2; config.json: every five minutes). Two jobs, each resumable from
 * a cursor in `stats_state`, each stopping at its share of the run budget and resumed by the next run:
 *
 * 1. Follow changes: cases whose `updatedAt` passed since the last run (every case step, report and
 *    escalation sets it in its one write) — their grid-days are recomputed from the cases. The case
 *    actions add no round trip and no second write (docs/decisions.md, "statistics follow updatedAt").
 * 2. Rebuild yesterday: once a day, every street's rows of the day before are rebuilt from scratch, a
 *    safety net for anything the change feed could not see (repairs that keep `updatedAt`, a row written
 *    from a read that raced a step).
 */
const stateSchema = z
  .object({
    _id: z.string(),
    version: z.number().int().nonnegative(),
    changedAfter: z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v)).optional(),
    changedAfterId: z.string().optional(),
    streetsDone: z.array(z.string()).optional(),
    done: z.boolean().optional(),
  })
  .passthrough();
const stateOf = (db: Database) => collectionOf(db, STATE, stateSchema);

export const REFRESH_LIMITS = {
  /** Cases read per change batch: their grid-days are recomputed before the next batch. */
  batch: 200,
  /**
   * A write carries the caller's clock (`call.now`) and may land a moment after a later timestamp was
   * read; the feed stops this far behind now so such a write is never passed over.
   */
  settleMs: 60_000,
} as const;

export interface RefreshBudget {
  /** Wall-clock ms since start when the run must stop taking new work. */
  deadline: number;
  startedAt: number;
}
const timeLeft = (b: RefreshBudget) => Date.now() - b.startedAt < b.deadline;

export interface FollowResult {
  cases: number;
  rows: number;
  more: boolean;
}

export async function followChanges(db: Database, now: Date, budget: RefreshBudget): Promise<FollowResult> {
  const _ = db.command;
  const states = stateOf(db);
  const upTo = new Date(now.getTime() - REFRESH_LIMITS.settleMs);
  let state = (await states.load('changes')) ?? (await states.insertOnce({ _id: 'changes', version: 0, changedAfter: new Date(0), changedAfterId: '' })).doc;
  let cases = 0;
  let rows = 0;
  for (;;) {
    const after = state.changedAfter ?? new Date(0);
    const afterId = state.changedAfterId ?? '';
    const beyond = _.or([{ updatedAt: _.gt(after) }, { updatedAt: _.eq(after), _id: _.gt(afterId) }]);
    // The range [after, upTo] again as plain conditions (the `or` above implies the lower bound): an index
    // scan on updatedAt then reads only the window's cases; the `or` alone leaves every case before upTo to
    // filter — a caught-up run over a year of 100 000 cases read 50 000 of them (stats bench).
    const window = { updatedAt: _.gte(after).and(_.lte(upTo)) };
    const page = await statsCasesOf(db).page(_.and([beyond, window]) as never, { orderBy: ['updatedAt', 'asc'], limit: REFRESH_LIMITS.batch });
    if (!page.items.length) return { cases, rows, more: false };
    rows += await rebuildGridDays(db, page.items.map(gridDayOf), now);
    cases += page.items.length;
    const last = page.items[page.items.length - 1];
    const next = { changedAfter: last.updatedAt ?? after, changedAfterId: last._id };
    // Versioned: of two runs at once only one moves the cursor; the other's rows were recomputed anyway.
    const version = await states.update(state, { ...next, updatedAt: now }).catch(() => null);
    if (version === null) return { cases, rows, more: true };
    state = { ...state, ...next, version };
    if (!page.next) return { cases, rows, more: false };
    if (!timeLeft(budget)) return { cases, rows, more: true };
  }
}

export interface RebuildResult {
  day: string;
  streets: number;
  rows: number;
  cases: number;
  more: boolean;
}

/** Rebuilds yesterday's rows street by street; the streets done are kept, so a run that stops resumes. */
export async function rebuildYesterday(db: Database, now: Date, budget: RefreshBudget): Promise<RebuildResult> {
  const day = yesterdayOf(now);
  const states = stateOf(db);
  const id = `rebuild-${day}`;
  let state = (await states.load(id)) ?? (await states.insertOnce({ _id: id, version: 0, streetsDone: [], done: false })).doc;
  const result: RebuildResult = { day, streets: 0, rows: 0, cases: 0, more: false };
  if (state.done) return result;
  const streets = (await streetsOf(db).all({}, { max: 10_000 })).map((s) => s._id).sort();
  for (const streetId of streets) {
    if (state.streetsDone?.includes(streetId)) continue;
    if (!timeLeft(budget)) return { ...result, more: true };
    const built = await rebuildStreetDay(db, streetId, day, now);
    result.streets += 1;
    result.rows += built.rows;
    result.cases += built.cases;
    const streetsDone = [...(state.streetsDone ?? []), streetId];
    const version = await states.update(state, { streetsDone, updatedAt: now }).catch(() => null);
    if (version === null) return { ...result, more: true };
    state = { ...state, streetsDone, version };
  }
  await states.update(state, { done: true, updatedAt: now }).catch(() => null);
  return result;
}
