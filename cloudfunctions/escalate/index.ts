import { getDb, nowFrom, runLimit, timerOnly, type Database } from '../_lib';
import type { CaseRecord } from '../../src/domain/case/records';
import { escalateCase, warnNearDue } from '../_lib/cases/escalation';
import { casesOf } from '../_lib/cases/store';
import type { Page } from '../_lib/records';
import { RunBudget, TIMER_RUN_BUDGET_MS } from '../_lib/run-budget';

/** Escalations run side by side, in groups of this many. */
export const BATCH = 100;
/** The most a CloudBase read returns (server SDK: "最大 1000 条"). */
const READ_MAX = 1_000;
/**
 * Escalations plus warnings one run may write (issue 13 item 2). The timeout is 30 s (config.json: half
 * the every-minute period); a run should take at most a quarter of it, which `npm run bench` checks run by
 * run (scripts/bench/timer-runs.ts); a backlog of 10 000 due cases is worked off in twelve runs, one a minute (measured 30 Nov on the local cloud: 600–1 000 a run, each 5.3–7.5 s).
 * Environment variable GRIDLINK_ESCALATE_RUN_LIMIT may set another (_lib/run-limit.ts).
 */
export const RUN_LIMIT = 1_000;
export const RUN_LIMIT_VARIABLE = 'GRIDLINK_ESCALATE_RUN_LIMIT';

export interface SweepResult {
  escalated: number;
  warned: number;
  read: number;
  /** Whether the run stopped at its limit or budget with due cases left for the next run. */
  more: boolean;
}

interface Bound {
  /** Writes this sweep may still make. */
  left: number;
  /** The run's wall clock, shared by both sweeps: a slow database ends the run inside a quarter of its timeout. */
  budget: RunBudget;
}

/**
 * Reads only what is due through the `dueAt` (and `nearDueAt`) index, oldest first, page by page with a
 * cursor (ARCHITECTURE §5: "its cost grows with the number of due cases, not with all cases"). A case
 * another sweep won is passed over, never re-read in the same run, and does not count against the limit:
 * a case it cannot escalate costs a read, so such cases at the head of the queue never starve the rest.
 */
async function sweep(db: Database, field: 'dueAt' | 'nearDueAt', now: Date, bound: Bound, apply: (c: CaseRecord) => Promise<boolean>) {
  const _ = db.command;
  let done = 0;
  let read = 0;
  let after: string | null = null;
  while (done < bound.left) {
    // One read for what the run may still write (a read returns at most 1 000), worked in groups of BATCH.
    const page: Page<CaseRecord> = await casesOf(db).page({ [field]: _.lte(now) }, { orderBy: [field, 'asc'], after, limit: Math.min(READ_MAX, bound.left - done) });
    read += page.items.length;
    for (let i = 0; i < page.items.length; i += BATCH) {
      if (!bound.budget.roomForBatch()) return { done, read, more: true };
      const group = page.items.slice(i, i + BATCH);
      const won = await bound.budget.batch(() => Promise.all(group.map((c) => apply(c).catch((err) => (console.error('[escalate]', c._id, err), false)))));
      done += won.filter(Boolean).length;
    }
    after = page.next;
    if (!after) return { done, read, more: false };
  }
  return { done, read, more: true };
}

/**
 * One run: escalations first (oldest due first), then the 80 % warnings with what is left of the limit —
 * while a backlog of overdue cases lasts, warnings wait for a later run.
 */
export async function runSweep(db: Database, now: Date, limit = RUN_LIMIT): Promise<SweepResult> {
  // One staff lookup per place and one config read per street for the whole run.
  const caches = { staff: new Map<string, Promise<string[]>>(), configs: new Map() };
  const budget = new RunBudget(TIMER_RUN_BUDGET_MS);
  const due = await sweep(db, 'dueAt', now, { left: limit, budget }, (c) => escalateCase(db, c, now, caches));
  const left = due.more ? 0 : limit - due.done;
  const near = left > 0 ? await sweep(db, 'nearDueAt', now, { left, budget }, (c) => warnNearDue(db, c, now, caches)) : { done: 0, read: 0, more: true };
  return { escalated: due.done, warned: near.done, read: due.read + near.read, more: due.more || near.more };
}

/**
 * The escalation timer (config.json: every minute). It only queues notifications (`pending`); the
 * `notify` timer sends them as subscribe messages (docs/api.md, notify).
 */
export const main = timerOnly('escalate', async (_event, context) => {
  const now = nowFrom(context);
  return { ok: true as const, data: await runSweep(getDb(context), now, runLimit(context, RUN_LIMIT_VARIABLE, RUN_LIMIT)) };
});
