import { getDb, nowFrom, timerOnly, type Database } from '../_lib';
import { parseCase } from '../case/records';
import { escalateCase, warnNearDue } from './apply';

export const BATCH = 100;
// A bound on one run's work, so a backlog is worked off over several minutes instead of timing out.
const MAX_BATCHES = 20;

export interface SweepResult {
  escalated: number;
  warned: number;
  read: number;
}

/**
 * Reads only what is due through the `dueAt` (and `nearDueAt`) index, oldest first, in batches
 * (ARCHITECTURE §5: "its cost grows with the number of due cases, not with all cases"). An escalated
 * case gets a later `dueAt` (or none), so the next batch reads the next due cases; a batch in which
 * nothing could be escalated (another sweep won them all) ends the run.
 */
async function sweep(db: Database, field: 'dueAt' | 'nearDueAt', now: Date, apply: (c: ReturnType<typeof parseCase>) => Promise<boolean>) {
  const _ = db.command;
  let done = 0;
  let read = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { data } = await db.collection('cases').where({ [field]: _.lte(now) }).orderBy(field, 'asc').limit(BATCH).get();
    read += data.length;
    const won = await Promise.all(data.map((doc) => apply(parseCase(doc)).catch((err) => (console.error('[escalate]', (doc as { _id: string })._id, err), false))));
    const count = won.filter(Boolean).length;
    done += count;
    if (data.length < BATCH || count === 0) break;
  }
  return { done, read };
}

export async function runSweep(db: Database, now: Date): Promise<SweepResult> {
  // One staff lookup per place and one config read per street for the whole run.
  const caches = { staff: new Map<string, Promise<string[]>>(), configs: new Map() };
  const due = await sweep(db, 'dueAt', now, (c) => escalateCase(db, c, now, caches));
  const near = await sweep(db, 'nearDueAt', now, (c) => warnNearDue(db, c, now, caches));
  return { escalated: due.done, warned: near.done, read: due.read + near.read };
}

/**
 * The escalation timer (config.json: every minute). It only queues notifications (`pending`); the
 * `notify` timer sends them as subscribe messages (docs/api.md, notify).
 */
export const main = timerOnly('escalate', async (_event, context) => {
  const now = nowFrom(context);
  return { ok: true as const, data: await runSweep(getDb(context), now) };
});
