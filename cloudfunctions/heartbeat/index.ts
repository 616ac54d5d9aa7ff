import { heartbeatRecordSchema } from '../../src/domain/platform/records';
import { collectionOf, getDb, nowFrom, timerOnly } from '../_lib';

/** The one heartbeat document: the latest run overwrites it, so the collection never grows. */
export const HEARTBEAT_ID = 'heartbeat';

/**
 * Proves timers and the clock work end to end: each run records the clock time it saw, the trigger
 * and the time the platform fired it for — only those validated fields, in one document (upsert),
 * never the event itself: a caller cannot store a large payload, and it is one document, not one per
 * minute (issue 10 item 3).
 */
export const main = timerOnly('heartbeat', async (event, context) => {
  const at = nowFrom(context);
  const db = getDb(context);
  await collectionOf(db, 'system_heartbeats', heartbeatRecordSchema).replace({ _id: HEARTBEAT_ID, at, trigger: event.TriggerName, firedFor: event.Time });
  return { ok: true as const, data: { at: at.toISOString() } };
});
