import { getApp, nowFrom, type PlatformContext } from '../_lib';
import { sendOutbox, type SendResult } from './send';

/** CloudBase's timer trigger event (https://docs.cloudbase.net/cloud-function/timer-trigger). */
interface TimerEvent {
  TriggerName?: string;
}

/**
 * The outbox sender (config.json: every minute; permission `subscribeMessage.send`): delivers the
 * `notifications` the case and escalate functions queued as WeChat subscribe messages (issue 4 item 7).
 */
export async function main(_event: TimerEvent, context?: PlatformContext): Promise<{ ok: true; data: SendResult }> {
  return { ok: true, data: await sendOutbox(getApp(context), nowFrom(context)) };
}
