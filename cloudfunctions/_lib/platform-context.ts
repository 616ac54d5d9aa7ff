import tcb from '@cloudbase/node-sdk';

/**
 * The second argument CloudBase passes to `main`. Only the fields we read are typed; the platform sets
 * `environment` (a JSON string of the invocation's variables, incl. WX_OPENID for calls from the
 * mini-program) and the SDK parses it with `tcb.getCloudbaseContext(context)`.
 */
export interface PlatformContext {
  request_id?: string;
  function_name?: string;
  namespace?: string;
  environment?: string;
  environ?: string;
  /**
   * Set only by the local cloud, never by CloudBase: its settable clock, so tests can move time.
   * Production falls back to the real time.
   */
  gridlinkClock?: { now(): number };
}

/** What the SDK resolves from the context merged with process.env — the same lookup in both worlds. */
export interface InvocationVariables {
  WX_OPENID?: string;
  WX_APPID?: string;
  TCB_ENV?: string;
  SCF_NAMESPACE?: string;
  /** Set by the local cloud as a function environment variable; absent in production. */
  GRIDLINK_TCB_SERVICE_URL?: string;
  [key: string]: unknown;
}

export function invocationVariables(context: PlatformContext | undefined): InvocationVariables {
  // Without `environment` the SDK's parser throws; process.env alone is then the platform's answer.
  const hasEnvironment = Boolean(context && (context.environment || context.environ));
  const merged = hasEnvironment ? tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) : tcb.getCloudbaseContext();
  return merged as unknown as InvocationVariables;
}

/**
 * The caller's openid, exactly where CloudBase puts it for `wx.cloud.callFunction`: WX_OPENID in the
 * invocation context. Never from the event — a client controls the event, not the context.
 */
export function callerOpenid(context: PlatformContext | undefined): string | null {
  const openid = invocationVariables(context).WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}

/** The one clock of the functions (ARCHITECTURE §4): the local cloud's when it passes one, else real time. */
export function nowFrom(context: PlatformContext | undefined): Date {
  return new Date(context?.gridlinkClock?.now() ?? Date.now());
}
