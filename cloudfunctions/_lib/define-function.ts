import type { z } from 'zod';
// Types only: the registry itself stays out of the bundles (each function passes its context's table).
import type { ActionName, ActionOutput, Api, FunctionName } from '../../src/domain/api';
import { DomainError, type FnResult } from '../../src/domain/errors';
import { parseInput } from '../../src/domain/validation';
import { getDb, type Database } from './app';
import { callerOpenid, nowFrom, type PlatformContext } from './platform-context';

/** What every handler gets besides its parsed input: who calls, when, and the database. */
export interface Invocation {
  /** The caller's platform identity (WX_OPENID); never taken from the payload. */
  openid: string;
  now: Date;
  db: Database;
}

type ActionInputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: z.ZodType }
  ? z.infer<Api[F][A]['input']>
  : never;

/** One handler per action of the contract table: the compiler lists any action left unhandled. */
export type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: (input: ActionInputOf<F, A>, call: Invocation) => Promise<ActionOutput<F, A>>;
};

export type FunctionMain = (event: unknown, context?: PlatformContext) => Promise<FnResult<unknown>>;

// Identity lives in the context. These keys are dropped from `data` before parsing so that a client
// sending them (WeChat itself adds `userInfo` to events) can neither impersonate anyone nor be refused.
const IDENTITY_KEYS = ['openid', 'OPENID', 'openId', 'unionid', 'userInfo'];

/**
 * The edge of a cloud function: routes `{ action, data }`, parses `data` with the action's schema,
 * resolves the caller, runs the handler, and maps errors to `{ ok: false, error }` (ARCHITECTURE §4).
 * `contracts` is the function's own table of the registry (`Api[F]`, e.g. `assessApi`): passing it, not
 * looking it up in `api`, keeps the other contexts' schemas out of the bundle and its cold start.
 */
export function defineFunction<F extends FunctionName>(name: F, contracts: Api[F], handlers: Handlers<F>): FunctionMain {
  const table = contracts as Record<string, { input: z.ZodType; output: z.ZodType }>;
  return async function main(event, context) {
    try {
      const { action, data } = routeOf(name, table, event);
      const contract = table[action];
      const input = parseInput(contract.input, withoutIdentity(data));
      const openid = callerOpenid(context);
      if (!openid) throw new DomainError('UNAUTHENTICATED', '无法识别您的身份，请在微信中重新打开小程序');
      const handler = handlers[action as ActionName<F>] as (input: unknown, call: Invocation) => Promise<unknown>;
      const output = await handler(input, { openid, now: nowFrom(context), db: getDb(context) });
      // Responses pass the output schema, so a field added to a stored record never leaks by accident.
      return { ok: true, data: contract.output.parse(output) };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, error: err.toBody() };
      console.error(`[${name}] unexpected error`, err);
      return { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } };
    }
  };
}

function routeOf(name: FunctionName, table: Record<string, unknown>, event: unknown): { action: string; data: unknown } {
  const { action, data } = (event ?? {}) as { action?: unknown; data?: unknown };
  const actions = Object.keys(table);
  if (typeof action !== 'string' || !actions.includes(action)) {
    // An old app version calling an action that is gone: say what to do, not which names exist.
    console.warn(`[${name}] unknown action`, typeof action === 'string' ? action.slice(0, 40) : typeof action);
    throw new DomainError('INVALID_INPUT', '输入有误：这个功能暂时用不了，请更新到最新版本后再试', { action: '这个功能暂时用不了，请更新到最新版本后再试' });
  }
  return { action, data: data ?? {} };
}

function withoutIdentity(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of IDENTITY_KEYS) delete copy[key];
  return copy;
}
