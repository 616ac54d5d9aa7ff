import { randomUUID } from 'node:crypto';
import type { AdminKeys } from '../../core/admin-keys';
import type { Clock } from '../../core/clock';
import { LOCAL_ENV_ID, localServiceUrl } from '../../local-sdk';

/** Who triggered an invocation: a mini-program user (by openid), a timer, or server code (SDK callFunction). */
export type Trigger = { kind: 'user'; openid: string } | { kind: 'timer' } | { kind: 'server' };

/** WeChat app id shown to functions locally; production injects the real one. */
export const LOCAL_APPID = 'wx-gridlink-local';

/**
 * The second argument of `main(event, context)`, shaped as CloudBase's SCF runtime shapes it: the
 * invocation's variables are a JSON string in `environment`, which `tcb.getCloudbaseContext(context)`
 * parses — so functions resolve WX_OPENID, TCB_ENV and the service URL through the SDK's own code path.
 * `gridlinkClock` is the one field production never sets (see cloudfunctions/_lib/platform-context.ts).
 */
export function buildInvocationContext(options: { functionName: string; baseUrl: string; clock: Clock; trigger: Trigger; adminKeys?: AdminKeys; functionEnv?: Record<string, string>; timeLimitMs?: number }) {
  const environment: Record<string, string> = {
    // The function's configured variables first: the platform's own keys below always win.
    ...options.functionEnv,
    SCF_NAMESPACE: LOCAL_ENV_ID,
    TCB_ENV: LOCAL_ENV_ID,
    TCB_CONTEXT_KEYS: 'TCB_ENV,SCF_NAMESPACE',
    // A function environment variable in CloudBase terms; only the local cloud sets it.
    GRIDLINK_TCB_SERVICE_URL: localServiceUrl(options.baseUrl),
  };
  // SCF hands a function its role's keys as TENCENTCLOUD_SECRETID/SECRETKEY, which the SDK signs with;
  // here they are the local cloud's admin keys, which its admin API verifies.
  if (options.adminKeys) {
    environment.TENCENTCLOUD_SECRETID = options.adminKeys.secretId;
    environment.TENCENTCLOUD_SECRETKEY = options.adminKeys.secretKey;
  }
  if (options.trigger.kind === 'user') {
    Object.assign(environment, { WX_OPENID: options.trigger.openid, WX_APPID: LOCAL_APPID, WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' });
  } else if (options.trigger.kind === 'timer') {
    environment.TRIGGER_SRC = 'timer';
  }
  return {
    request_id: randomUUID(),
    function_name: options.functionName,
    function_version: '$LATEST',
    namespace: LOCAL_ENV_ID,
    memory_limit_in_mb: 256,
    // SCF's context carries the function's configured timeout (local-cloud/services/functions/time-limit.ts).
    time_limit_in_ms: options.timeLimitMs ?? 20000,
    environment: JSON.stringify(environment),
    gridlinkClock: { now: () => options.clock.now() },
  };
}
