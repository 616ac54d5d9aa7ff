/**
 * A function's time limit, as CloudBase enforces it: `timeout` (seconds) in the function's config.json,
 * the setting `tcb fn deploy` deploys (cloudbaserc.json is generated from the same files). A run past it
 * fails the invocation with FUNCTIONS_TIME_LIMIT_EXCEEDED (docs.cloudbase.net/error-code/basic/
 * FUNCTIONS_TIME_LIMIT_EXCEEDED: "云函数执行超时，函数运行时间超过了配置的最大执行时间"); the message is
 * SCF's own ("Invoking task timed out after 3 seconds", errorCode -1, statusCode 433 in its logs).
 *
 * Local difference: SCF freezes or ends the instance; in one Node process the run cannot be stopped, so it
 * goes on in the background while its caller already has the error — as on SCF, its later writes may
 * still land (a timed-out run is not rolled back there either), which the timers' versioned writes allow.
 */
export const FUNCTION_TIME_LIMIT_EXCEEDED = 'FUNCTIONS_TIME_LIMIT_EXCEEDED';

/** SCF's default when config.json names no timeout (a function created without one times out after 3 s). */
export const DEFAULT_TIMEOUT_S = 3;
/** SCF's range for event functions: 1 s to 900 s. */
const MIN_TIMEOUT_S = 1;
const MAX_TIMEOUT_S = 900;

export class FunctionTimeoutError extends Error {
  readonly code = FUNCTION_TIME_LIMIT_EXCEEDED;

  constructor(
    readonly functionName: string,
    readonly timeoutS: number,
  ) {
    super(`Invoking task timed out after ${timeoutS} seconds`);
    this.name = 'FunctionTimeoutError';
  }
}

/** The configured timeout in seconds; a value outside SCF's range is a deploy error, so it throws. */
export function timeoutSecondsOf(config: { timeout?: unknown }, functionName: string): number {
  if (config.timeout === undefined) return DEFAULT_TIMEOUT_S;
  const s = config.timeout;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < MIN_TIMEOUT_S || s > MAX_TIMEOUT_S) {
    throw new Error(`${functionName}/config.json: timeout must be a whole number of seconds ${MIN_TIMEOUT_S}–${MAX_TIMEOUT_S}, got ${JSON.stringify(s)}`);
  }
  return s;
}

/**
 * How many times the configured limit a run may take here before it is ended (GRIDLINK_FUNCTION_TIME_SCALE,
 * default 1: CloudBase's own limit). Why a test run may ask for more: CloudBase gives each concurrent run
 * an instance of its own, while here every run shares one Node thread — 50 sign-ups fired at once on a
 * 2-core CI machine each wait behind the other 49, so their wall-clock time says nothing about what one
 * run costs on CloudBase. The function still sees its configured limit in its context and plans its
 * batches by it; the error still names the configured seconds.
 */
export function enforcedLimitScale(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) throw new Error(`GRIDLINK_FUNCTION_TIME_SCALE must be a number ≥ 1, got ${JSON.stringify(value)}`);
  return n;
}

/** `run`'s answer, or FunctionTimeoutError once `timeoutS` × `scale` has passed first. */
export async function withinTimeLimit<T>(run: Promise<T>, functionName: string, timeoutS: number, scale = 1): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(functionName, timeoutS)), timeoutS * scale * 1000);
  });
  try {
    return await Promise.race([run, expired]);
  } finally {
    clearTimeout(timer);
  }
}
