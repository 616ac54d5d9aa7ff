import { randomUUID } from 'node:crypto';
import { isDocumentId, plainIdKey, type DocumentId } from './document-id';
import { cloneDoc, encodeDoc, parseStoredDoc, type Doc } from './ejson';
import { DB_ERRORS } from './errors';
import {
  compileQuery,
  newDocumentId,
  nextVersion,
  shapeResult,
  upsertedDocument,
  type DocumentOperations,
  type DocumentWrite,
  type FindRequest,
} from './operations';

/**
 * CloudBase: "transaction must be committed or aborted within 30 seconds", else the server no longer
 * knows it and answers DATABASE_TRANSACTION_FAIL (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL).
 */
export const TRANSACTION_TIMEOUT_MS = 30_000;

/** Ended transactions remembered, so a conflict-aborted one keeps answering as a conflict. */
const ENDED_MEMORY = 1000;

type Ending = 'committed' | 'rolled back' | 'expired' | 'conflict';

/** A committed document as it was at a transaction's snapshot (text null: it did not exist then). */
interface PreImage {
  collection: string;
  text: string | null;
}

interface Transaction {
  id: string;
  /**
   * Commit sequence number at its first operation; later commits are invisible to it. MongoDB sets a
   * transaction's snapshot at its first command, not at startTransaction ("the snapshot time of the
   * transaction won't be set until the first command is sent", mongosh Session.startTransaction) — the
   * vendor's "mongodb 原生事务操作支持" reads, inside the transaction, a document added after its start.
   */
  snapshot?: number;
  startedAt: number;
  startedReal: number;
  /** Its own writes, buffered until commit (so a crash before commit leaves nothing). */
  writes: Map<string, DocumentWrite>;
  /** Committed documents as they were at its snapshot, kept when someone else overwrote them since. */
  preImages: Map<string, PreImage>;
  /** A plain (non-transactional) write overtook one of its writes: it can only end in a conflict. */
  overtaken?: boolean;
}

export interface TxModify {
  criteria: Doc;
  data: Doc;
  /** true: `data` holds update operators; false: `data` replaces the document (doc.set). */
  merge: boolean;
  multi: boolean;
  upsert: boolean;
}

/**
 * CloudBase's document-database transactions (MongoDB underneath), emulated over the SQLite store:
 * - snapshot isolation: reads see the database as it was at the transaction's first operation, plus its
 *   own writes; commits by others after that are invisible (repeatable reads);
 * - any read or write MongoDB allows in a transaction: by `_id` or by query (get with where / order /
 *   limit, where-update, where-remove, updateAndReturn) and batch inserts;
 * - first writer wins: writing a document that another open transaction has written, or that was
 *   committed after this transaction's snapshot, fails with DATABASE_TRANSACTION_CONFLICT and aborts
 *   this transaction, as MongoDB's WriteConflict does — the SDK's runTransaction retries on that code;
 * - a plain write to a document an open transaction has written wins, and that transaction ends in
 *   DATABASE_TRANSACTION_CONFLICT (MongoDB would make the plain write wait for the lock; either way no
 *   update is lost, and the loser can retry);
 * - writes are buffered in memory and applied in one SQLite transaction at commit: all or nothing,
 *   durable once commit answers, nothing left behind by a crash before it;
 * - a committed, rolled back or expired transaction no longer exists: DATABASE_TRANSACTION_FAIL with
 *   CloudBase's TransactionNotExist message (the vendor's "事务提交后, 不能进行其它操作");
 * - 30 s after its start a transaction is gone, measured on the local cloud's clock or on real time,
 *   whichever passes first (a frozen test clock cannot keep locks forever).
 */
export class TransactionManager {
  private commitSeq = 0;
  private readonly open = new Map<string, Transaction>();
  private readonly ended = new Map<string, Ending>();
  /** Per document, the commit sequence of its last write — kept only while transactions are open. */
  private readonly lastWrite = new Map<string, number>();

  constructor(
    private readonly ops: DocumentOperations,
    private readonly now: () => number,
  ) {
    ops.observeWrite = (collection, id, before) => this.committedWrite(collection, id, before);
  }

  start(): string {
    this.sweepExpired();
    const id = randomUUID().replace(/-/g, '');
    this.open.set(id, { id, startedAt: this.now(), startedReal: Date.now(), writes: new Map(), preImages: new Map() });
    return id;
  }

  /** `get()` inside the transaction: by `_id` (doc(id).get) or by query, with order / offset / limit / projection. */
  find(txId: string, req: FindRequest): Doc[] {
    const tx = this.active(txId);
    return shapeResult(this.matching(tx, req.collection, req.criteria, Infinity), req);
  }

  insert(txId: string, collection: string, inputs: Doc[]): DocumentId[] {
    const tx = this.active(txId);
    // MongoDB: a transaction cannot create a collection; CloudBase: a missing collection is an error anyway.
    this.ops.requireCollection(collection);
    return inputs.map((input) => {
      const doc = { _id: input._id ?? newDocumentId(), ...input };
      if (!isDocumentId(doc._id)) throw DB_ERRORS.invalidParam('_id must be a string, number or ObjectId');
      this.claim(tx, collection, doc._id);
      if (this.visible(tx, collection, doc._id)) throw DB_ERRORS.duplicateWrite(String(doc._id));
      this.buffer(tx, collection, doc._id, doc);
      return doc._id;
    });
  }

  /**
   * update / set / where-update / updateAndReturn inside the transaction. Answers the count changed, the
   * upserted id, and each matched document as it now reads in the transaction (updateAndReturn's `doc`).
   */
  modify(txId: string, collection: string, req: TxModify): { updated: number; upsertId?: DocumentId; docs: Doc[] } {
    const tx = this.active(txId);
    const matches = this.matching(tx, collection, req.criteria, req.multi ? Infinity : 1);
    if (matches.length === 0) {
      if (!req.upsert) return { updated: 0, docs: [] };
      const [upsertId] = this.insert(txId, collection, [upsertedDocument(req.criteria, req.data, req.merge)]);
      return { updated: 0, upsertId, docs: [] };
    }
    let updated = 0;
    const docs: Doc[] = [];
    for (const current of matches) {
      const next = nextVersion(current, req.data, req.merge);
      if (encodeDoc(next) === encodeDoc(current)) {
        docs.push(current);
        continue;
      }
      this.claim(tx, collection, current._id as DocumentId);
      this.buffer(tx, collection, current._id as DocumentId, next);
      docs.push(next);
      updated += 1;
    }
    return { updated, docs };
  }

  /** doc(id).remove / where-remove inside the transaction. */
  remove(txId: string, collection: string, criteria: Doc, multi: boolean): number {
    const tx = this.active(txId);
    const matches = this.matching(tx, collection, criteria, multi ? Infinity : 1);
    for (const doc of matches) {
      this.claim(tx, collection, doc._id as DocumentId);
      this.buffer(tx, collection, doc._id as DocumentId, null);
    }
    return matches.length;
  }

  commit(txId: string): void {
    const tx = this.alive(txId);
    if (tx.overtaken) this.fail(tx);
    this.end(tx, 'committed');
    this.ops.applyWrites([...tx.writes.values()]);
  }

  /** Rolling back a transaction the server already aborted (conflict, expiry) is harmless, as the SDK assumes. */
  rollback(txId: string): void {
    const ending = this.ended.get(txId);
    if (ending && ending !== 'committed') return;
    this.end(this.alive(txId), 'rolled back');
  }

  /** Test reset: every open transaction is dropped. */
  reset(): void {
    this.open.clear();
    this.ended.clear();
    this.lastWrite.clear();
  }

  info(): { open: number } {
    this.sweepExpired();
    return { open: this.open.size };
  }

  private alive(txId: unknown): Transaction {
    if (typeof txId !== 'string' || txId === '') throw DB_ERRORS.invalidParam('transactionId is required');
    this.sweepExpired();
    const tx = this.open.get(txId);
    if (tx) return tx;
    if (this.ended.get(txId) === 'conflict') throw DB_ERRORS.transactionConflict();
    throw DB_ERRORS.transactionNotExist();
  }

  /** A live transaction about to read or write: its snapshot is set now if this is its first operation. */
  private active(txId: unknown): Transaction {
    const tx = this.alive(txId);
    tx.snapshot ??= this.commitSeq;
    return tx;
  }

  /** The documents matching `criteria` as this transaction sees them, in natural order, at most `stopAfter`. */
  private matching(tx: Transaction, collection: string, criteria: Doc, stopAfter: number): Doc[] {
    this.ops.requireCollection(collection);
    const id = criteria._id;
    if (Object.keys(criteria).length === 1 && isDocumentId(id)) {
      const doc = this.visible(tx, collection, id); // doc(id): no scan
      return doc ? [doc] : [];
    }
    const query = compileQuery(criteria);
    const out: Doc[] = [];
    const seen = new Set<string>();
    const consider = (k: string, doc: Doc | undefined) => {
      seen.add(k);
      if (doc && out.length < stopAfter && query.test(doc)) out.push(doc);
    };
    // Committed rows (the index plan's superset) as of the snapshot, own writes over them...
    for (const row of this.ops.candidateRows(collection, criteria)) {
      const k = key(collection, plainIdKey(row.id));
      const version = this.overlay(tx, k);
      consider(k, version === null ? parseStoredDoc(row.doc) : version);
    }
    // ...documents deleted or changed out of the plan's reach since the snapshot, then own inserts.
    for (const [k, pre] of tx.preImages) if (pre.collection === collection && !seen.has(k)) consider(k, this.overlay(tx, k) ?? undefined);
    for (const [k, write] of tx.writes) if (write.collection === collection && !seen.has(k)) consider(k, this.overlay(tx, k) ?? undefined);
    return out;
  }

  /**
   * This transaction's own version of a document, else its snapshot pre-image: a Doc, `undefined` for
   * "absent in this transaction", or null when neither exists (read the committed row).
   */
  private overlay(tx: Transaction, k: string): Doc | undefined | null {
    const own = tx.writes.get(k);
    if (own) return own.doc ? cloneDoc(own.doc) : undefined;
    const pre = tx.preImages.get(k);
    if (pre) return pre.text === null ? undefined : parseStoredDoc(pre.text);
    return null;
  }

  /** The document as this transaction sees it: its own write, else its snapshot, else the committed one. */
  private visible(tx: Transaction, collection: string, id: DocumentId): Doc | undefined {
    const seen = this.overlay(tx, key(collection, plainIdKey(id)));
    return seen === null ? this.ops.read(collection, id) : seen;
  }

  /** First writer wins: a document written by another open transaction, or committed since our snapshot, is a conflict. */
  private claim(tx: Transaction, collection: string, id: DocumentId): void {
    const k = key(collection, plainIdKey(id));
    if (tx.overtaken) this.fail(tx);
    for (const other of this.open.values()) if (other !== tx && other.writes.has(k)) this.fail(tx);
    if ((this.lastWrite.get(k) ?? -1) > (tx.snapshot ?? this.commitSeq)) this.fail(tx);
  }

  private buffer(tx: Transaction, collection: string, id: DocumentId, doc: Doc | null): void {
    tx.writes.set(key(collection, plainIdKey(id)), { collection, id, doc });
  }

  /** Every committed write (plain or a commit) while transactions are open keeps their snapshots intact. */
  private committedWrite(collection: string, id: string | number, before: string | null): void {
    if (this.open.size === 0) return;
    this.commitSeq += 1;
    const k = key(collection, id);
    this.lastWrite.set(k, this.commitSeq);
    for (const tx of this.open.values()) {
      if (tx.snapshot === undefined) continue; // not begun on the server yet: it will see this write
      if (tx.writes.has(k)) tx.overtaken = true;
      else if (!tx.preImages.has(k)) tx.preImages.set(k, { collection, text: before });
    }
  }

  private fail(tx: Transaction): never {
    this.end(tx, 'conflict');
    throw DB_ERRORS.transactionConflict();
  }

  private end(tx: Transaction, ending: Ending): void {
    this.open.delete(tx.id);
    this.ended.set(tx.id, ending);
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.keys().next().value as string);
    if (this.open.size === 0) this.lastWrite.clear();
  }

  private sweepExpired(): void {
    const now = this.now();
    const real = Date.now();
    for (const tx of [...this.open.values()]) {
      if (now - tx.startedAt > TRANSACTION_TIMEOUT_MS || real - tx.startedReal > TRANSACTION_TIMEOUT_MS) this.end(tx, 'expired');
    }
  }
}

/** Bookkeeping key of a document: an ObjectId keys as its hex string (at worst a false conflict, never a missed one). */
function key(collection: string, id: string | number): string {
  return `${collection}\u0000${typeof id}\u0000${id}`;
}
