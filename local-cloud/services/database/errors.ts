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
  transactionsUnsupported: () =>
    new DatabaseError('LOCAL_CLOUD_UNSUPPORTED', '本地云不支持数据库事务 (transactions are not used by GridLink)'),
} as const;
