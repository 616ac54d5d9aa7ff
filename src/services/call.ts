import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../domain/api';
import { unwrapReply } from './reply';
import { createDefaultTransport, type Transport } from './transport';

export { CallError, isCallError } from './call-error';
export type { CallErrorCode } from './call-error';

let transport: Transport | undefined;

/** Tests (and a future mock page) swap the transport; the app never does. */
export function setTransport(next: Transport | undefined): void {
  transport = next;
}

/**
 * Calls `fn`'s `action`, typed from the contract table in src/domain/api.ts.
 * Resolves with the function's data, or throws a CallError carrying the function's code, Chinese
 * message and field errors (NETWORK when there was no reply).
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  transport ??= createDefaultTransport();
  const reply = await transport.send(fn, action, data);
  return unwrapReply(reply) as ActionOutput<F, A>;
}
