import { randomBytes } from 'node:crypto';
import { ObjectId } from 'bson';
import { isDocumentId, plainIdKey, storedIdKey, type DocumentId } from './document-id';
import type { Query } from 'mingo/query';
import { update as applyUpdate } from 'mingo/updater';
import { cloneDoc, encodeDoc, parseStoredDoc, type Doc } from './ejson';
import { DB_ERRORS, DatabaseError } from './errors';
import { aggregatorOf, queryOf } from './mingo-context';
import { planCoveredCount, planScan } from './query-plan';
import type { DatabaseStats } from './stats';
import { collectOrdered } from './ordered-scan';
import { indexKeyAt, isOrderableTag } from './index-keys';
import type { DocumentStore, OrderSource, StoredRow } from './store';

/**
 * Limits of a read through the server (node) SDK: no limit → 100 documents, at most 1000.
 * Source: @cloudbase/database/src/query.ts `Query.get()` (`param.limit = limit < 1000 ? limit : 1000`,
 * else `param.limit = 100`), matching the CloudBase server SDK docs ("默认 100 条，最大 1000 条").
 * The SDK clamps before sending; the server clamps again so raw callers get production's answer.
 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface FindRequest {
  collection: string;
  criteria: Doc;
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

export interface ModifyRequest {
  collection: string;
  criteria: Doc;
  data: Doc;
  multi: boolean;
  /** true: `data` holds update operators; false: `data` replaces the document (doc.set). */
  merge: boolean;
  upsert: boolean;
}

interface Match {
  row: StoredRow;
  doc: Doc;
}

/** One document's committed fate, as a transaction's commit applies it: `doc: null` deletes it. */
export interface DocumentWrite {
  collection: string;
  id: DocumentId;
  doc: Doc | null;
}

/**
 * Told about every committed document write before it happens, with the document's stored text before
 * it (null: absent). The transaction manager keeps pre-images for snapshots and detects conflicts with it.
 */
export type WriteObserver = (collection: string, id: string | number, before: string | null) => void;

/** MongoDB semantics (via mingo) over the SQLite store; every write runs in one store transaction. */
export class DocumentOperations {
  observeWrite: WriteObserver = () => {};

  constructor(
    private readonly store: DocumentStore,
    private readonly stats: DatabaseStats,
  ) {
    store.parse = parseStoredDoc;
  }

  /**
   * CloudBase answers DATABASE_COLLECTION_NOT_EXIST for any read or write on a collection nobody created
   * (MongoDB alone would create it on insert and read it as empty): a misspelt or undeployed collection
   * fails locally as it will in production.
   */
  requireCollection(collection: string): void {
    if (!this.store.hasCollection(collection)) throw DB_ERRORS.collectionNotExist();
  }

  /** db.createCollection (action database.addCollection): DATABASE_COLLECTION_ALREADY_EXIST when it exists. */
  createCollection(collection: string): void {
    if (!this.store.createCollection(collection)) throw DB_ERRORS.collectionAlreadyExist();
  }

  find(req: FindRequest): Doc[] {
    const hasOrder = !!req.order && Object.keys(req.order).length > 0;
    // Unsorted reads stop at offset+limit matches, as a MongoDB cursor in natural order would.
    const need = Math.max(0, Math.floor(req.offset ?? 0)) + clampLimit(req.limit);
    const matched = (hasOrder && this.orderedMatches(req, need)) || this.collectMatches('getDocument', req.collection, req.criteria, hasOrder ? Infinity : need);
    const result = shapeResult(matched.map((m) => m.doc), req);
    this.stats.recordReturned(result.length);
    return result;
  }

  /**
   * The committed rows that may match `criteria` (the index plan's superset, natural order), unparsed:
   * a transaction overlays its snapshot and own writes on them before matching.
   */
  candidateRows(collection: string, criteria: Doc): IterableIterator<StoredRow> {
    this.requireCollection(collection);
    return this.store.scan(collection, planScan(criteria, this.store.indexSlots(collection)));
  }

  /**
   * A count: from the index when it covers the criteria (planCoveredCount: scalar rows counted by SQLite,
   * only rows holding arrays or odd values read), as MongoDB counts index keys; else every match is read.
   */
  count(collection: string, criteria: Doc): number {
    this.requireCollection(collection);
    const covered = planCoveredCount(criteria, this.store.indexSlots(collection));
    if (!covered) return this.collectMatches('calculateDocument', collection, criteria, Infinity).length;
    const query = compileQuery(criteria);
    let matched = this.store.countRows(collection, covered.exact);
    let scanned = 0;
    for (const row of this.store.scan(collection, covered.unknown)) {
      scanned += 1;
      if (query.test(parseStoredDoc(row.doc))) matched += 1;
    }
    this.stats.recordScan({ action: 'calculateDocument', collection, scanned, matched, usedIndexes: [...covered.exact.usedIndexes, 'count from index'] });
    return matched;
  }

  /**
   * `aggregate().….end()`: the whole pipeline by mingo over the collection; a leading `$match` also
   * narrows the scan like a query. `$lookup` reads the other collection whole (a local data set is small).
   */
  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    const first = pipeline[0]?.$match;
    const criteria = first && typeof first === 'object' && !Array.isArray(first) ? (first as Doc) : {};
    const docs = this.collectMatches('aggregateDocuments', collection, criteria, Infinity).map((m) => m.doc);
    const resolver = (name: string) => [...this.store.scan(name, { sql: '', params: [], usedIndexes: [] })].map((row) => parseStoredDoc(row.doc));
    let result: Doc[];
    try {
      result = aggregatorOf(pipeline, resolver).run(docs) as Doc[];
    } catch (err) {
      throw DB_ERRORS.invalidParam(`aggregate not supported: ${(err as Error).message}`);
    }
    this.stats.recordReturned(result.length);
    return result;
  }

  insert(collection: string, docs: Doc[]): DocumentId[] {
    this.requireCollection(collection);
    return this.store.transaction(() =>
      docs.map((input) => {
        const doc = { _id: input._id ?? newDocumentId(), ...input };
        const id = doc._id;
        if (!isDocumentId(id)) throw DB_ERRORS.invalidParam('_id must be a string, number or ObjectId');
        if (this.findById(collection, id)) throw DB_ERRORS.duplicateWrite(String(id));
        this.observeWrite(collection, plainIdKey(id), null);
        this.store.insert(collection, storedIdKey(id), doc, encodeDoc(doc));
        return id;
      }),
    );
  }

  /** Conditional writes are atomic: match and write happen in one SQLite transaction on one thread. */
  modify(req: ModifyRequest): { updated: number; upsertId?: DocumentId } {
    if (req.merge) assertOperators(req.data);
    return this.store.transaction(() => {
      const matches = this.collectMatches('modifyDocument', req.collection, req.criteria, req.multi ? Infinity : 1);
      if (matches.length === 0 && req.upsert) return { updated: 0, upsertId: this.upsert(req) };
      let updated = 0;
      for (const match of matches) if (this.rewrite(req.collection, match, req.data, req.merge)) updated += 1;
      return { updated };
    });
  }

  /**
   * `query.updateAndReturn(data)` (action database.modifyAndReturnDoc): the first match in natural order
   * is updated with the operators and returned as it is after the update, atomically — MongoDB's
   * findOneAndUpdate with returnNewDocument. No match: `{ updated: 0 }` and no document.
   */
  modifyAndReturn(collection: string, criteria: Doc, data: Doc): { updated: number; doc?: Doc } {
    assertOperators(data);
    return this.store.transaction(() => {
      const [match] = this.collectMatches('modifyAndReturnDoc', collection, criteria, 1);
      if (!match) return { updated: 0 };
      const next = this.rewrite(collection, match, data, true);
      return next ? { updated: 1, doc: next } : { updated: 0, doc: match.doc };
    });
  }

  remove(collection: string, criteria: Doc, multi: boolean): number {
    return this.store.transaction(() => {
      const matches = this.collectMatches('removeDocument', collection, criteria, multi ? Infinity : 1);
      for (const { row } of matches) {
        this.observeWrite(collection, plainIdKey(row.id), row.doc);
        this.store.delete(collection, row.seq);
      }
      return matches.length;
    });
  }

  /** The committed document with this `_id`, parsed, or undefined. */
  read(collection: string, id: DocumentId): Doc | undefined {
    const row = this.findById(collection, id);
    return row ? parseStoredDoc(row.doc) : undefined;
  }

  /** The stored text of the committed document with this `_id` (null: absent), for snapshot pre-images. */
  storedText(collection: string, id: string | number): string | null {
    return this.findById(collection, id)?.doc ?? null;
  }

  /** A transaction's buffered writes, all in one SQLite transaction: every one lands or none does. */
  applyWrites(writes: DocumentWrite[]): void {
    this.store.transaction(() => {
      for (const write of writes) {
        const row = this.findById(write.collection, write.id);
        if (!row && !write.doc) continue;
        this.observeWrite(write.collection, plainIdKey(write.id), row?.doc ?? null);
        if (!write.doc) this.store.delete(write.collection, row!.seq);
        else if (row) this.store.replace(write.collection, row.seq, write.doc, encodeDoc(write.doc));
        else this.store.insert(write.collection, storedIdKey(write.id), write.doc, encodeDoc(write.doc));
      }
    });
  }

  private upsert(req: ModifyRequest): DocumentId {
    return this.insert(req.collection, [upsertedDocument(req.criteria, req.data, req.merge)])[0];
  }

  /** Writes the updated (merge) or replaced version of a matched row; returns it, or undefined when nothing changed. */
  private rewrite(collection: string, { row, doc }: Match, data: Doc, merge: boolean): Doc | undefined {
    const next = nextVersion(doc, data, merge);
    const text = encodeDoc(next);
    if (text === row.doc) return undefined;
    this.observeWrite(collection, plainIdKey(row.id), row.doc);
    this.store.replace(collection, row.seq, next, text);
    return next;
  }

  private findById(collection: string, id: DocumentId): StoredRow | undefined {
    const rows = this.store.scan(collection, { sql: 'id = ?', params: [storedIdKey(id)], usedIndexes: ['_id'] });
    for (const row of rows) return row;
    return undefined;
  }

  /**
   * An ordered read through the first sort field's index (ordered-scan.ts), or undefined when that field
   * has no index here or the index cannot order every candidate: then the full path reads every match.
   */
  private orderedMatches(req: FindRequest, need: number): Match[] | undefined {
    this.requireCollection(req.collection);
    const [[field, direction], second] = Object.entries(req.order!);
    const slots = this.store.indexSlots(req.collection);
    const source: OrderSource | undefined = field === '_id' ? { id: true } : slots.has(field) ? { slot: slots.get(field)! } : undefined;
    if (!source || (direction !== 1 && direction !== -1)) return undefined;
    const query = compileQuery(req.criteria);
    const plan = planScan(req.criteria, slots);
    const thenById = field !== '_id' && second?.[0] === '_id' && (second[1] === 1 || second[1] === -1) ? second[1] : undefined;
    // mingo's comparison is no total order once arrays or sub-documents meet scalars ([2,3], 2 and [2]
    // compare inconsistently), so its sort's answer then depends on how many documents it is handed: a
    // later sort field holding such values sends the read down the full path, as the first field's does.
    // An equality on a multikey field (the register's name keys) is the selective index: walking the sort
    // field instead would test every row of the walk against it (350 ms for 15 of 30 000 people). MongoDB's
    // planner picks the multikey index there too; the full path reads the few candidates and sorts them.
    if (plan.usedIndexes.some((p) => p !== field && slots.has(p) && this.store.hasMultikeyEntries(req.collection, slots.get(p)!))) return undefined;
    const later = Object.keys(req.order!).slice(1).filter((f) => f !== '_id');
    if (later.some((f) => slots.has(f) && this.store.hasUnorderable(req.collection, plan, slots.get(f)!))) return undefined;
    const rows = this.store.scanOrdered(req.collection, plan, source, direction, thenById);
    if (!rows) return undefined;
    const { matches, scanned } = collectOrdered(rows, need, parseStoredDoc, (doc) => query.test(doc), !!thenById);
    if (matches.some((m) => later.some((f) => !isOrderableTag(indexKeyAt(m.doc as Record<string, unknown>, f).t)))) return undefined;
    this.stats.recordScan({ action: 'getDocument', collection: req.collection, scanned, matched: matches.length, usedIndexes: [...plan.usedIndexes, `orderBy ${field}`] });
    return matches;
  }

  private collectMatches(action: string, collection: string, criteria: Doc, stopAfter: number): Match[] {
    this.requireCollection(collection);
    const query = compileQuery(criteria);
    const plan = planScan(criteria, this.store.indexSlots(collection));
    const matches: Match[] = [];
    let scanned = 0;
    for (const row of this.store.scan(collection, plan)) {
      if (matches.length >= stopAfter) break;
      scanned += 1;
      const doc = parseStoredDoc(row.doc);
      if (query.test(doc)) matches.push({ row, doc });
    }
    this.stats.recordScan({ action, collection, scanned, matched: matches.length, usedIndexes: plan.usedIndexes });
    return matches;
  }
}

/** Projection, order, offset and limit over matched documents, as a read through the SDK asks for them. */
export function shapeResult(matched: Doc[], req: Pick<FindRequest, 'order' | 'offset' | 'limit' | 'projection'>): Doc[] {
  const limit = clampLimit(req.limit);
  const offset = Math.max(0, Math.floor(req.offset ?? 0));
  let cursor = queryOf({}).find<Doc>(matched, req.projection as never);
  if (req.order && Object.keys(req.order).length > 0) cursor = cursor.sort(req.order as never);
  return cursor.skip(offset).limit(limit).all();
}

/** A matched document after `data`: operators applied (merge) or replaced whole, `_id` unchangeable. */
export function nextVersion(doc: Doc, data: Doc, merge: boolean): Doc {
  const next = merge ? updatedCopy(doc, data) : { ...data, _id: doc._id };
  if (!sameId(next._id, doc._id)) throw DB_ERRORS.invalidParam('不能更新_id的值');
  return next;
}

/** An upsert's new document: the query's plain equalities, then the update applied (or the replacement). */
export function upsertedDocument(criteria: Doc, data: Doc, merge: boolean): Doc {
  const seed: Doc = {};
  for (const [key, value] of Object.entries(criteria)) if (!key.startsWith('$') && !isOperatorObject(value)) seed[key] = value;
  if (merge) return updatedCopy(seed, data);
  return seed._id === undefined ? { ...data } : { ...data, _id: seed._id };
}

export function compileQuery(criteria: Doc): Query {
  try {
    return queryOf(criteria);
  } catch (err) {
    throw DB_ERRORS.invalidParam(`query not supported: ${(err as Error).message}`);
  }
}

export function updatedCopy(doc: Doc, operators: Doc): Doc {
  const next = cloneDoc(doc);
  try {
    applyUpdate(next, operators as never, undefined, undefined, { cloneMode: 'deep' });
  } catch (err) {
    if (err instanceof DatabaseError) throw err;
    throw DB_ERRORS.requestFailed(`update failed: ${(err as Error).message}`);
  }
  return next;
}

export function assertOperators(data: Doc): void {
  const keys = Object.keys(data);
  if (keys.length === 0 || keys.some((k) => !k.startsWith('$'))) throw DB_ERRORS.invalidParam('update data must use update operators');
}

function isOperatorObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && Object.keys(value).some((k) => k.startsWith('$'));
}

function clampLimit(limit: number | undefined): number {
  if (!limit || limit <= 0) return DEFAULT_LIMIT;
  return Math.min(Math.floor(limit), MAX_LIMIT);
}

function sameId(a: unknown, b: unknown): boolean {
  if (a instanceof ObjectId || b instanceof ObjectId) return a instanceof ObjectId && b instanceof ObjectId && a.equals(b);
  return a === b;
}

/** CloudBase ids are 32 lowercase hex characters. */
export function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}
