/**
 * A database failure with the code CloudBase answers in its error envelope; the admin-api service turns
 * it into `{ code, message, requestId }`, which the node SDK throws as a TcbError carrying `code`.
 */
export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Codes as production names them (see @cloudbase/database/src/const/code.ts and CloudBase error docs). */
export const DB_ERRORS = {
  invalidParam: (message: string) => new DatabaseError('INVALID_PARAM', message),
  duplicateWrite: (id: string) => new DatabaseError('DATABASE_DUPLICATE_WRITE', `duplicate _id: ${id}`),
  requestFailed: (message: string) => new DatabaseError('DATABASE_REQUEST_FAILED', message),
  /**
   * Two transactions (or a transaction and a plain write) touched the same document; the SDK's
   * `runTransaction` retries exactly on this code (@cloudbase/database src/transaction/index.ts).
   */
  transactionConflict: (what: string) =>
    new DatabaseError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${what}`),
  /** CloudBase error-code docs: the transaction does not exist on the server (committed, aborted or past 30 s). */
  transactionFailed: (message: string) => new DatabaseError('DATABASE_TRANSACTION_FAIL', message),
} as const;
