import { getDb, nowFrom, timerOnly, type Database } from '../_lib';
import type { CaseRecord } from '../../src/domain/case/records';
import { escalateCase, warnNearDue } from '../_lib/cases/escalation';
import { casesOf } from '../_lib/cases/store';
import type { Page } from '../_lib/records';

export const BATCH = 100;
// A bound on one run's work: 10 000 due cases fit in 100 batches, and the wall-clock budget stops a run
// well inside the function's 20 s timeout (cloudbaserc.json); the rest is worked off by the next minute's run.
const MAX_BATCHES = 100;
const RUN_BUDGET_MS = 12_000;

export interface SweepResult {
  escalated: number;
  warned: number;
  read: number;
  /** Whether the run stopped at its budget with due cases left for the next run. */
  more: boolean;
}

/**
 * Reads only what is due through the `dueAt` (and `nearDueAt`) index, oldest first, page by page with a
 * cursor (ARCHITECTURE §5: "its cost grows with the number of due cases, not with all cases"). A case
 * another sweep won is passed over, never re-read in the same run.
 */
async function sweep(db: Database, field: 'dueAt' | 'nearDueAt', now: Date, startedAt: number, apply: (c: CaseRecord) => Promise<boolean>) {
  const _ = db.command;
  let done = 0;
  let read = 0;
  let after: string | null = null;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const page: Page<CaseRecord> = await casesOf(db).page({ [field]: _.lte(now) }, { orderBy: [field, 'asc'], after, limit: BATCH });
    read += page.items.length;
    const won = await Promise.all(page.items.map((c) => apply(c).catch((err) => (console.error('[escalate]', c._id, err), false))));
    done += won.filter(Boolean).length;
    after = page.next;
    if (!after) return { done, read, more: false };
    if (Date.now() - startedAt > RUN_BUDGET_MS) break;
  }
  return { done, read, more: true };
}

export async function runSweep(db: Database, now: Date): Promise<SweepResult> {
  // One staff lookup per place and one config read per street for the whole run.
  const caches = { staff: new Map<string, Promise<string[]>>(), configs: new Map() };
  const startedAt = Date.now();
  const due = await sweep(db, 'dueAt', now, startedAt, (c) => escalateCase(db, c, now, caches));
  const near = await sweep(db, 'nearDueAt', now, startedAt, (c) => warnNearDue(db, c, now, caches));
  return { escalated: due.done, warned: near.done, read: due.read + near.read, more: due.more || near.more };
}

/**
 * The escalation timer (config.json: every minute). It only queues notifications (`pending`); the
 * `notify` timer sends them as subscribe messages (docs/api.md, notify).
 */
export const main = timerOnly('escalate', async (_event, context) => {
  const now = nowFrom(context);
  return { ok: true as const, data: await runSweep(getDb(context), now) };
});
