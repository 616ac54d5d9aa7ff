import { getDb, nowFrom, timerOnly } from '../_lib';
import { RECONCILE_CHECKS, type ReconcileReport } from './checks';

/**
 * The reconciler (issue 9 item 5; config.json: every 5 minutes). Each context registers its checks in
 * `checks.ts`; every check finds one kind of drift, repairs it and says how many it fixed. A check that
 * fails is reported and the others still run. Timer only (`timerOnly`): a user call is FORBIDDEN.
 */
export async function reconcile(db: Parameters<(typeof RECONCILE_CHECKS)[keyof typeof RECONCILE_CHECKS]>[0], now: Date): Promise<ReconcileReport> {
  const report: ReconcileReport = {};
  for (const [name, check] of Object.entries(RECONCILE_CHECKS)) {
    try {
      report[name] = await check(db, now);
    } catch (err) {
      console.error(`[reconcile] ${name} failed`, err);
      report[name] = { failed: 1 };
    }
  }
  return report;
}

export const main = timerOnly('reconcile', async (_event, context) => ({ ok: true as const, data: await reconcile(getDb(context), nowFrom(context)) }));
