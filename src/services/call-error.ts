import type { ErrorCode, FieldErrors } from '../domain/errors';

/** Codes the client adds to the functions' own: the call never reached a function, or got no answer. */
export type ClientErrorCode = 'NETWORK';
export type CallErrorCode = ErrorCode | ClientErrorCode;

export const NETWORK_MESSAGE = '网络不畅，请稍后重试';
export const BAD_REPLY_MESSAGE = '服务出错了，请稍后重试';

/** What `call` throws: the function's `{ code, message, fields }`, or NETWORK when there was no reply. */
export class CallError extends Error {
  readonly code: CallErrorCode;
  readonly fields: FieldErrors;

  constructor(code: CallErrorCode, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'CallError';
    this.code = code;
    this.fields = fields;
  }
}

export function networkError(): CallError {
  return new CallError('NETWORK', NETWORK_MESSAGE);
}

export function isCallError(e: unknown): e is CallError {
  return e instanceof CallError;
}
