import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../domain/api';
import type { ErrorBody } from '../domain/errors';
import { CallError, BAD_REPLY_MESSAGE } from './call-error';
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

/** `{ ok: true, data }` → data; `{ ok: false, error }` → throw; anything else is a broken reply. */
export function unwrapReply(reply: unknown): unknown {
  if (isObject(reply) && reply.ok === true && 'data' in reply) return reply.data;
  if (isObject(reply) && reply.ok === false && isErrorBody(reply.error)) {
    const { code, message, fields } = reply.error;
    throw new CallError(code, message, fields ?? {});
  }
  throw new CallError('INTERNAL', BAD_REPLY_MESSAGE);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isErrorBody(v: unknown): v is ErrorBody {
  return isObject(v) && typeof v.code === 'string' && typeof v.message === 'string';
}
