import { getApp, nowFrom, runLimit, timerOnly } from '../_lib';
import { queueActivityReminders } from './reminders';
import { RUN_LIMIT, RUN_LIMIT_VARIABLE, sendOutbox } from './send';

/**
 * The outbox sender (config.json: every minute; permission `subscribeMessage.send`): queues the
 * volunteers' activity reminders that are due, then delivers the `notifications` the case, escalate and
 * reminder code queued as WeChat subscribe messages (issue 4 item 7, issue 11 item 2).
 */
export const main = timerOnly('notify', async (_event, context) => {
  const app = getApp(context);
  const now = nowFrom(context);
  const reminders = await queueActivityReminders(app.database(), now);
  return { ok: true as const, data: { ...(await sendOutbox(app, now, runLimit(context, RUN_LIMIT_VARIABLE, RUN_LIMIT))), reminders } };
});
