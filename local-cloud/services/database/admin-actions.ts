import type { AdminActionHandler } from '../../core/service';
import { decodeEjson, decodeObject, encodeForClient, objectIdsAsHex, stampServerDates, type Doc } from './ejson';
import { DB_ERRORS } from './errors';
import type { DocumentOperations } from './operations';
import type { DatabaseStats } from './stats';
import { collectionName, transactionalDocumentActions, transactionLifecycleActions } from './transaction-actions';
import type { TransactionManager } from './transactions';

/**
 * Translates the SDK's `database.*` actions to operations and back, nothing more. Request fields and
 * the `data` shapes below are what @cloudbase/database/src (document.ts, query.ts, collection.ts) sends
 * and reads: `list` holds one EJSON string per document; counts are `updated` / `deleted` / `total`;
 * inserts answer `insertedIds`; doc.set answers `upsert_id`; updateAndReturn (modifyAndReturnDoc) answers
 * `updated` and `doc`, the updated document as one EJSON string (query.ts parses it with EJSON.parse).
 */
export function databaseAdminActions(
  ops: DocumentOperations,
  txns: TransactionManager,
  stats: DatabaseStats,
  now: () => number,
  durableWrite: (action: string) => void = () => {},
): Record<string, AdminActionHandler> {
  const counted = (action: string, handler: AdminActionHandler): AdminActionHandler => (params, req) => {
    stats.countRoundTrip(action);
    const answer = handler(params, req);
    if (!isDurableWrite(action, params)) return answer;
    // Told after the write committed to SQLite and before the caller hears of it (the crash control's hook).
    if (answer instanceof Promise) return answer.then((value) => (durableWrite(action), value));
    durableWrite(action);
    return answer;
  };
  const actions: Record<string, AdminActionHandler> = {
    'database.insertDocument': (p) => {
      const raw = Array.isArray(p.data) ? p.data : [p.data];
      const docs = raw.map((item: unknown) => stampServerDates(decodeObject(item, 'data'), now()) as Doc);
      return { insertedIds: objectIdsAsHex(ops.insert(collectionName(p), docs)) };
    },
    'database.getDocument': (p) => {
      const docs = ops.find({
        collection: collectionName(p),
        criteria: decodeObject(p.query, 'query') ?? {},
        order: decodeObject(p.order, 'order') as Record<string, 1 | -1> | undefined,
        offset: Number(p.offset ?? 0),
        limit: p.limit === undefined ? undefined : Number(p.limit),
        projection: decodeObject(p.projection, 'projection'),
      });
      return { list: docs.map(encodeForClient), limit: Number(p.limit ?? 0) || undefined, offset: Number(p.offset ?? 0) };
    },
    'database.calculateDocument': (p) => ({ total: ops.count(collectionName(p), decodeObject(p.query, 'query') ?? {}) }),
    'database.modifyDocument': (p) => {
      const data = stampServerDates(decodeObject(p.data, 'data'), now()) as Doc | undefined;
      if (!data) throw DB_ERRORS.invalidParam('data is required');
      const result = ops.modify({
        collection: collectionName(p),
        criteria: decodeObject(p.query, 'query') ?? {},
        data,
        multi: p.multi === true,
        merge: p.merge !== false,
        upsert: p.upsert === true,
      });
      return { updated: result.updated, upsert_id: objectIdsAsHex(result.upsertId) };
    },
    'database.modifyAndReturnDoc': (p) => {
      const data = stampServerDates(decodeObject(p.data, 'data'), now()) as Doc | undefined;
      if (!data) throw DB_ERRORS.invalidParam('data is required');
      const result = ops.modifyAndReturn(collectionName(p), decodeObject(p.query, 'query') ?? {}, data);
      return { updated: result.updated, doc: result.doc ? encodeForClient(result.doc) : null };
    },
    // db.createCollection(name) (@cloudbase/database src/index.ts); the SDK hands back the whole answer.
    'database.addCollection': (p) => {
      ops.createCollection(collectionName(p));
      return {};
    },
    'database.aggregateDocuments': (p) => ({ list: ops.aggregate(collectionName(p), decodePipeline(p.stages)).map(encodeForClient) }),
    'database.removeDocument': (p) => ({ deleted: ops.remove(collectionName(p), decodeObject(p.query, 'query') ?? {}, p.multi === true) }),
  };
  // A document action carrying a transactionId runs inside that transaction.
  const inTransaction = transactionalDocumentActions(txns, now);
  for (const [name, handler] of Object.entries(inTransaction)) {
    const plain = actions[name];
    actions[name] = (params, req) => (params.transactionId ? handler(params, req) : plain(params, req));
  }
  Object.assign(actions, transactionLifecycleActions(txns));
  return Object.fromEntries(Object.entries(actions).map(([name, handler]) => [name, counted(name, handler)]));
}

/** Writes that are durable when they answer: plain document writes and transaction commits (writes inside a transaction are not). */
const DURABLE_WRITE_ACTIONS = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.commitTransaction',
]);

function isDurableWrite(action: string, params: Record<string, unknown>): boolean {
  return DURABLE_WRITE_ACTIONS.has(action) && (action === 'database.commitTransaction' || !params.transactionId);
}

/** aggregate.ts sends `stages: [{ stageKey: '$match', stageValue: <EJSON or JSON text> }]`. */
function decodePipeline(stages: unknown): Doc[] {
  if (!Array.isArray(stages)) throw DB_ERRORS.invalidParam('stages must be an array');
  return stages.map((stage: { stageKey?: unknown; stageValue?: unknown }, i) => {
    const key = stage?.stageKey;
    if (typeof key !== 'string' || !key.startsWith('$')) throw DB_ERRORS.invalidParam(`stages[${i}].stageKey must name a pipeline stage`);
    return { [key]: decodeEjson(stage.stageValue, `stages[${i}].stageValue`) };
  });
}
