import { getApp, nowFrom, timerOnly } from '../_lib';
import { sendOutbox } from './send';

/**
 * The outbox sender (config.json: every minute; permission `subscribeMessage.send`): delivers the
 * `notifications` the case and escalate functions queued as WeChat subscribe messages (issue 4 item 7).
 */
export const main = timerOnly('notify', async (_event, context) => ({ ok: true as const, data: await sendOutbox(getApp(context), nowFrom(context)) }));
