import type { Database } from '../_lib';
import { notificationsOf } from '../_lib/notify';
import type { Fixed } from './checks';

/** Far beyond the notify function's 20 s timeout (cloudbaserc.json): a live sender is never overtaken. */
export const STUCK_AFTER_MS = 5 * 60_000;
const BATCH = 100;

/**
 * Outbox rows a sender left behind when it died (issue 9 item 5), never sending a message twice. Each
 * claim writes a fresh `attemptId`; the sender marks the row `calling` (same attempt id) right before
 * it calls WeChat. So:
 * - `sending` for too long: WeChat was never called in that attempt → back to `pending`, sent by the
 *   next notify run;
 * - `calling` for too long: WeChat may have delivered it → `unknown`, never sent again (at most once).
 * Both writes are conditional on the attempt id read, so a sender that wakes up late changes nothing.
 */
export async function reclaimStuckNotifications(db: Database, now: Date): Promise<Fixed> {
  const _ = db.command;
  const outbox = notificationsOf(db);
  const before = new Date(now.getTime() - STUCK_AFTER_MS);
  const fixed = { reclaimed: 0, markedUnknown: 0 };
  const stuck = await outbox.page({ status: _.in(['sending', 'calling']), claimedAt: _.lte(before) }, { orderBy: ['claimedAt', 'asc'], limit: BATCH });
  for (const n of stuck.items) {
    const held = { _id: n._id, status: n.status, attemptId: n.attemptId ?? _.exists(false) };
    if (n.status === 'sending') {
      fixed.reclaimed += await outbox.updateWhere(held, { status: 'pending', attemptId: _.remove(), claimedBy: _.remove(), claimedAt: _.remove() });
    } else {
      fixed.markedUnknown += await outbox.updateWhere(held, { status: 'unknown', unknownAt: now, retryable: false });
    }
  }
  return fixed;
}
