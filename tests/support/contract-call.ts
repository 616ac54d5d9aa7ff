import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../src/domain/api';

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
