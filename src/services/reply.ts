import type { ErrorBody } from '../domain/errors';
import { CallError, BAD_REPLY_MESSAGE } from './call-error';

/** `{ ok: true, data }` → data; `{ ok: false, error }` → throw its CallError; anything else is a broken reply. */
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
