import { DomainError, type FnResult } from '../../src/domain/errors';
import { invocationVariables, type PlatformContext } from './platform-context';

/**
 * The event CloudBase's timer trigger passes to `main` (Tencent SCF timer trigger, which CloudBase
 * timers are): `{ Type: 'Timer', TriggerName, Time: '2019-02-21T11:49:00Z', Message }`. The runtime also
 * sets TRIGGER_SRC=timer in the invocation's variables (the node SDK reads it to pick the timer's API
 * token: @cloudbase/node-sdk src/utils/wxCloudToken.ts). The local cloud's timer service sends the same.
 */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
  Message?: string;
}

// Identity variables CloudBase sets for a client call: mini-program (WX_*), web/app SDK (TCB_UUID,
// custom login), QQ. A timer run has none of them.
const IDENTITY_VARIABLES = ['WX_OPENID', 'WX_UNIONID', 'TCB_UUID', 'TCB_CUSTOM_USER_ID', 'QQ_OPENID'] as const;

const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const TIMER_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The timer event, or null when this invocation is anything else (a user, a forged event, an HTTP call). */
export function timerEventOf(event: unknown, context: PlatformContext | undefined): TimerEvent | null {
  const vars = invocationVariables(context);
  if (IDENTITY_VARIABLES.some((key) => typeof vars[key] === 'string' && (vars[key] as string).length > 0)) return null;
  if (vars.TRIGGER_SRC !== 'timer') return null;
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return null;
  const e = event as Record<string, unknown>;
  if (e.Type !== 'Timer' || typeof e.TriggerName !== 'string' || !TRIGGER_NAME.test(e.TriggerName)) return null;
  if (typeof e.Time !== 'string' || !TIMER_TIME.test(e.Time) || Number.isNaN(Date.parse(e.Time))) return null;
  return { Type: 'Timer', TriggerName: e.TriggerName, Time: e.Time };
}

/**
 * Wraps a timer function's `main` (escalate, notify, reconcile, heartbeat and any later timer): a call
 * that carries a user identity or is not a timer event is refused with FORBIDDEN before any work —
 * an anonymous caller must not send 350 messages or use up retry budgets (issue 10 item 3). Production
 * also denies client invocation in the function security rules (deploy/function-rules.json).
 */
export function timerOnly<T>(
  name: string,
  run: (event: TimerEvent, context: PlatformContext | undefined) => Promise<{ ok: true; data: T }>,
): (event: unknown, context?: PlatformContext) => Promise<FnResult<T>> {
  return async (event, context) => {
    const timer = timerEventOf(event, context);
    if (!timer) {
      const refused = new DomainError('FORBIDDEN', `“${name}”是定时任务，只能由定时触发器运行`);
      return { ok: false, error: refused.toBody() };
    }
    return run(timer, context);
  };
}
