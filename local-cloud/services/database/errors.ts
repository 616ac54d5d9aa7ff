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

/**
 * CloudBase's own wording for the two transaction failures: the vendor's transaction.test.ts (written
 * against real CloudBase) asserts code and message together for "事务提交后, 不能进行其它操作" and "读偏".
 */
export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
export const TRANSACTION_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

/**
 * A missing collection, as CloudBase words it (WeChat cloud answers the same backend error as
 * "-502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist. …").
 */
export const COLLECTION_NOT_EXIST_MESSAGE =
  '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.';
/** createCollection on an existing name ("创建集合，如果集合已经存在会创建失败"; -501001 ResourceExist). */
export const COLLECTION_ALREADY_EXIST_MESSAGE = '[ResourceUnavailable.ResourceExist] Table exist.';

/** Codes as production names them (see @cloudbase/database/src/const/code.ts and CloudBase error docs). */
export const DB_ERRORS = {
  invalidParam: (message: string) => new DatabaseError('INVALID_PARAM', message),
  duplicateWrite: (id: string) => new DatabaseError('DATABASE_DUPLICATE_WRITE', `duplicate _id: ${id}`),
  requestFailed: (message: string) => new DatabaseError('DATABASE_REQUEST_FAILED', message),
  /** CloudBase needs a collection created (console, deploy, db.createCollection) before any read or write. */
  collectionNotExist: () => new DatabaseError('DATABASE_COLLECTION_NOT_EXIST', COLLECTION_NOT_EXIST_MESSAGE),
  collectionAlreadyExist: () => new DatabaseError('DATABASE_COLLECTION_ALREADY_EXIST', COLLECTION_ALREADY_EXIST_MESSAGE),
  /**
   * Two transactions (or a transaction and a plain write) touched the same document; the SDK's
   * `runTransaction` retries exactly on this code (@cloudbase/database src/transaction/index.ts).
   */
  transactionConflict: () => new DatabaseError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT_MESSAGE),
  /** The transaction does not exist on the server (committed, rolled back, or past its 30 s). */
  transactionNotExist: () => new DatabaseError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST_MESSAGE),
} as const;
