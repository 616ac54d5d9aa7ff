import { getDb, nowFrom, type PlatformContext } from '../_lib';

/** CloudBase's timer trigger event (https://docs.cloudbase.net/cloud-function/timer-trigger). */
interface TimerEvent {
  Type?: string;
  TriggerName?: string;
  Time?: string;
}

/**
 * Proves timers and the clock work end to end: each run records the clock time it saw. The real
 * sweeps (escalation, reminders) will be timer functions of this same shape.
 */
export async function main(event: TimerEvent, context?: PlatformContext): Promise<{ ok: true; data: { at: string } }> {
  const at = nowFrom(context);
  await getDb(context).collection('system_heartbeats').add({ at, trigger: event?.TriggerName ?? 'manual', firedFor: event?.Time ?? null });
  return { ok: true, data: { at: at.toISOString() } };
}
