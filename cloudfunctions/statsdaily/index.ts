import { getDb, nowFrom, timerOnly } from '../_lib';
import { followChanges, rebuildYesterday } from '../_lib/stats/refresh';

/**
 * The daily-statistics timer (issue 16 item 2; config.json: every five minutes, 60 s timeout). It keeps
 * `stats_daily` — one row per grid per day — in step with the cases: first the cases changed since its
 * cursor, then (once a day, resumable street by street) a full rebuild of yesterday. Timer only: a user
 * call is FORBIDDEN (`timerOnly`); the `stats` function reads the rows.
 */

/** The run takes no new batch after this much of its 60 s timeout; the rest waits for the next run. */
export const RUN_BUDGET_MS = 40_000;

export const main = timerOnly('statsdaily', async (_event, context) => {
  const db = getDb(context);
  const now = nowFrom(context);
  const budget = { startedAt: Date.now(), deadline: RUN_BUDGET_MS };
  const changes = await followChanges(db, now, budget);
  const rebuild = await rebuildYesterday(db, now, budget);
  return { ok: true as const, data: { changes, rebuild } };
});
