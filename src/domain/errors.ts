/** Stable error codes every function returns; clients branch on these, never on messages. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path (e.g. `phone`, `photos.2`) → Chinese message naming what is wrong. */
export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  code: ErrorCode;
  /** Chinese, shown to the user as is. */
  message: string;
  fields?: FieldErrors;
}

/** Thrown inside functions and domain code; mapped to `{ ok: false, error }` at the function edge only. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export type FnResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
