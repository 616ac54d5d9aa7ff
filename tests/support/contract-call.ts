import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../src/domain/api';
import { callFunction, loginAs, post } from '../integration/function-cloud';

/**
 * What a function answers, as a test reads it (issue 9 item 7: test callers typed from the contract):
 * `data` is the action's output from src/domain/api.ts, `error` the refusal. Not a discriminated union
 * on purpose — a test asserts `ok` (or the error) and then reads what it expects.
 */
export interface ContractAnswer<T> {
  ok: boolean;
  data: T;
  /** `fields` only on INVALID_INPUT; typed present so a test can name the field it expects. */
  error: { code: string; message: string; fields: Record<string, string> };
}

/**
 * A signed-in caller of one function: the action must exist in the contract and the answer is typed
 * from it. The payload is the action's input — or, for refusal tests, any object the function must refuse.
 */
export type ContractCall<F extends FunctionName> = <A extends ActionName<F>>(action: A, data?: ActionInput<F, A> | Record<string, unknown>) => Promise<ContractAnswer<ActionOutput<F, A>>>;

/**
 * Signs in as a seeded user and returns a caller of `fn` typed from its contract: one place every
 * builder's caller (case, volunteer, patrol, register, …) is made from, so none is `Promise<any>`.
 * The gateway answers JSON, so the typed answer is what a test reads; its shape is the contract's.
 */
export async function contractCaller<F extends FunctionName>(baseUrl: string, fn: F, userId: string): Promise<ContractCall<F>> {
  const cookie = await loginAs(baseUrl, userId);
  return async (action, data) => (await callFunction(baseUrl, fn, action, data, cookie)).body;
}

/**
 * A row a test found in an answer (`list.find(...)`): asserts it is there — a missing row fails the test
 * with `what` named — and hands it on typed, so the test reads its fields without a cast.
 */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, found none`);
  return value;
}

/**
 * Runs a timer (escalate, notify, reconcile, …) as its trigger would and hands back what it did. Timers
 * have no client contract, so `T` is the timer's own exported result type (e.g. escalate's SweepResult);
 * a run that does not answer ok fails the test here instead of at a later `.data` read.
 */
export async function runTimer<T>(baseUrl: string, timer: string): Promise<{ ok: true; data: T }> {
  const body: { ok: boolean; data?: T } = (await post(baseUrl, `/internal/timers/${timer}/run`, {})).body;
  if (!body.ok || body.data === undefined) throw new Error(`the ${timer} run failed: ${JSON.stringify(body)}`);
  return { ok: true, data: body.data };
}
