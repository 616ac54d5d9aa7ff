import { AdminEnvelope, type AdminActionHandler } from '../../core/service';
import { decodeObject, encodeForClient, objectIdsAsHex, stampServerDates, type Doc } from './ejson';
import { DB_ERRORS } from './errors';
import { assertOperators } from './operations';
import type { TransactionManager } from './transactions';

/**
 * The transaction half of the `database.*` actions. The SDK (@cloudbase/database src/transaction/index.ts)
 * sends `database.startTransaction` (answer read at the top level: `transactionId`),
 * `database.commitTransaction` and `database.abortTransaction` with `{ transactionId }`; inside a
 * transaction it sends the ordinary document actions with a `transactionId` field: getDocument (by doc
 * id, or a where query with order / offset / limit / projection), insertDocument (one or a batch),
 * modifyDocument, removeDocument (doc(id); the SDK's where-update/remove send no transactionId, raw
 * callers may) and modifyAndReturnDoc (`where(…).updateAndReturn`, query.ts). MongoDB allows all of
 * these in a transaction, and the vendor's transaction.test.ts uses them against CloudBase.
 */
export function transactionLifecycleActions(txns: TransactionManager): Record<string, AdminActionHandler> {
  return {
    'database.startTransaction': () => {
      const transactionId = txns.start();
      return new AdminEnvelope({ transactionId }, { transactionId });
    },
    'database.commitTransaction': (p) => {
      txns.commit(p.transactionId as string);
      return {};
    },
    'database.abortTransaction': (p) => {
      txns.rollback(p.transactionId as string);
      return {};
    },
  };
}

/** Document actions carrying a `transactionId`, answered in the same `data` shapes as outside one. */
export function transactionalDocumentActions(txns: TransactionManager, now: () => number): Record<string, AdminActionHandler> {
  const stamped = (p: Record<string, unknown>): Doc => {
    const data = stampServerDates(decodeObject(p.data, 'data'), now()) as Doc | undefined;
    if (!data) throw DB_ERRORS.invalidParam('data is required');
    return data;
  };
  return {
    'database.getDocument': (p) => {
      const docs = txns.find(p.transactionId as string, {
        collection: collectionName(p),
        criteria: decodeObject(p.query, 'query') ?? {},
        order: decodeObject(p.order, 'order') as Record<string, 1 | -1> | undefined,
        offset: Number(p.offset ?? 0),
        limit: p.limit === undefined ? undefined : Number(p.limit),
        projection: decodeObject(p.projection, 'projection'),
      });
      return { list: docs.map(encodeForClient), limit: Number(p.limit ?? 0) || undefined, offset: Number(p.offset ?? 0) };
    },
    'database.insertDocument': (p) => {
      const raw = Array.isArray(p.data) ? p.data : [p.data];
      const docs = raw.map((item: unknown) => stampServerDates(decodeObject(item, 'data'), now()) as Doc | undefined);
      if (docs.length === 0 || docs.some((d) => !d)) throw DB_ERRORS.invalidParam('data is required');
      return { insertedIds: objectIdsAsHex(txns.insert(p.transactionId as string, collectionName(p), docs as Doc[])) };
    },
    'database.modifyDocument': (p) => {
      const data = stamped(p);
      const merge = p.merge !== false;
      if (merge) assertOperators(data);
      const result = txns.modify(p.transactionId as string, collectionName(p), {
        criteria: decodeObject(p.query, 'query') ?? {},
        data,
        merge,
        multi: p.multi === true,
        upsert: p.upsert === true,
      });
      return { updated: result.updated, upsert_id: objectIdsAsHex(result.upsertId) };
    },
    'database.modifyAndReturnDoc': (p) => {
      const data = stamped(p);
      assertOperators(data);
      const criteria = decodeObject(p.query, 'query') ?? {};
      const result = txns.modify(p.transactionId as string, collectionName(p), { criteria, data, merge: true, multi: false, upsert: false });
      return { updated: result.updated, doc: result.docs[0] ? encodeForClient(result.docs[0]) : null };
    },
    'database.removeDocument': (p) => ({
      deleted: txns.remove(p.transactionId as string, collectionName(p), decodeObject(p.query, 'query') ?? {}, p.multi === true),
    }),
  };
}

export function collectionName(params: Record<string, unknown>): string {
  const name = params.collectionName;
  if (typeof name !== 'string' || name === '') throw DB_ERRORS.invalidParam('collectionName is required');
  return name;
}
