import { AdminEnvelope, type AdminActionHandler } from '../../core/service';
import { decodeObject, encodeDoc, stampServerDates, type Doc } from './ejson';
import { DB_ERRORS } from './errors';
import { assertOperators } from './operations';
import type { TransactionManager } from './transactions';

/**
 * The transaction half of the `database.*` actions. The SDK (@cloudbase/database src/transaction/index.ts)
 * sends `database.startTransaction` (answer read at the top level: `transactionId`),
 * `database.commitTransaction` and `database.abortTransaction` with `{ transactionId }`; inside a
 * transaction it sends the ordinary document actions (getDocument, insertDocument, modifyDocument,
 * removeDocument) with a `transactionId` field, always on one document by `_id` (document.ts).
 */
export function transactionLifecycleActions(txns: TransactionManager): Record<string, AdminActionHandler> {
  return {
    'database.startTransaction': () => {
      const transactionId = txns.start();
      return new AdminEnvelope({ transactionId }, { transactionId });
    },
    'database.commitTransaction': (p) => {
      txns.commit(p.transactionId);
      return {};
    },
    'database.abortTransaction': (p) => {
      txns.rollback(p.transactionId);
      return {};
    },
  };
}

/** Document actions carrying a `transactionId`, answered in the same `data` shapes as outside one. */
export function transactionalDocumentActions(txns: TransactionManager, now: () => number): Record<string, AdminActionHandler> {
  return {
    'database.getDocument': (p) => {
      const doc = txns.get(p.transactionId, collectionName(p), singleDocumentId(p));
      return { list: doc ? [encodeDoc(doc)] : [], offset: 0 };
    },
    'database.insertDocument': (p) => {
      const raw = Array.isArray(p.data) ? p.data : [p.data];
      if (raw.length !== 1) throw singleDocumentOnly();
      const doc = stampServerDates(decodeObject(raw[0], 'data'), now()) as Doc | undefined;
      if (!doc) throw DB_ERRORS.invalidParam('data is required');
      return { insertedIds: [txns.insert(p.transactionId, collectionName(p), doc)] };
    },
    'database.modifyDocument': (p) => {
      if (p.multi === true) throw singleDocumentOnly();
      const data = stampServerDates(decodeObject(p.data, 'data'), now()) as Doc | undefined;
      if (!data) throw DB_ERRORS.invalidParam('data is required');
      const merge = p.merge !== false;
      if (merge) assertOperators(data);
      const result = txns.modify(p.transactionId, collectionName(p), singleDocumentId(p), data, merge, p.upsert === true);
      return { updated: result.updated, upsert_id: result.upsertId };
    },
    'database.removeDocument': (p) => {
      if (p.multi === true) throw singleDocumentOnly();
      return { deleted: txns.remove(p.transactionId, collectionName(p), singleDocumentId(p)) };
    },
  };
}

/**
 * CloudBase allows only single-document operations in a transaction ("只允许进行单记录操作，不允许进行批量
 * 操作"): the query must be exactly `{ _id }`, as `transaction.collection(c).doc(id)` sends it.
 */
function singleDocumentId(p: Record<string, unknown>): string | number {
  const query = decodeObject(p.query, 'query') ?? {};
  const keys = Object.keys(query);
  const id = query._id;
  if (keys.length !== 1 || (typeof id !== 'string' && typeof id !== 'number')) throw singleDocumentOnly();
  return id;
}

function singleDocumentOnly(): Error {
  return DB_ERRORS.invalidParam('事务中只支持单文档操作：请用 transaction.collection(c).doc(id) 或 add 单个文档');
}

export function collectionName(params: Record<string, unknown>): string {
  const name = params.collectionName;
  if (typeof name !== 'string' || name === '') throw DB_ERRORS.invalidParam('collectionName is required');
  return name;
}
