import { randomUUID } from 'node:crypto';
import { encodeDoc, parseStoredDoc, type Doc } from './ejson';
import { DB_ERRORS } from './errors';
import { newDocumentId, updatedCopy, type DocumentOperations, type DocumentWrite } from './operations';

/**
 * CloudBase: "transaction must be committed or aborted within 30 seconds", else the server no longer
 * knows it and answers DATABASE_TRANSACTION_FAIL (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL).
 */
export const TRANSACTION_TIMEOUT_MS = 30_000;

/** Ended transactions remembered, so a late rollback/commit gets a precise answer rather than "unknown". */
const ENDED_MEMORY = 1000;

type DocId = string | number;
type Ending = 'committed' | 'rolled back' | 'expired' | 'conflict';

interface Transaction {
  id: string;
  /** Commit sequence number when it started: later commits are invisible to it. */
  snapshot: number;
  startedAt: number;
  startedReal: number;
  /** Its own writes, buffered until commit (so a crash before commit leaves nothing). */
  writes: Map<string, DocumentWrite>;
  /** Committed documents as they were at its snapshot, kept when someone else overwrote them since. */
  preImages: Map<string, string | null>;
  /** A plain (non-transactional) write overtook one of its writes: it can only end in a conflict. */
  overtaken?: string;
}

/**
 * CloudBase's document-database transactions (MongoDB underneath), emulated over the SQLite store:
 * - snapshot isolation: reads see the database as it was when the transaction started, plus its own
 *   writes; commits by others after that are invisible (repeatable reads);
 * - first writer wins: writing a document that another open transaction has written, or that was
 *   committed after this transaction's snapshot, fails with DATABASE_TRANSACTION_CONFLICT and aborts
 *   this transaction, as MongoDB's WriteConflict does — the SDK's runTransaction retries on that code;
 * - a plain write to a document an open transaction has written wins, and that transaction ends in
 *   DATABASE_TRANSACTION_CONFLICT (MongoDB would make the plain write wait for the lock; either way no
 *   update is lost, and the loser can retry);
 * - writes are buffered in memory and applied in one SQLite transaction at commit: all or nothing,
 *   durable once commit answers, nothing left behind by a crash before it;
 * - 30 s after its start a transaction is gone (DATABASE_TRANSACTION_FAIL), measured on the local
 *   cloud's clock or on real time, whichever passes first (a frozen test clock cannot keep locks forever).
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
    this.open.set(id, { id, snapshot: this.commitSeq, startedAt: this.now(), startedReal: Date.now(), writes: new Map(), preImages: new Map() });
    return id;
  }

  get(txId: string, collection: string, id: DocId): Doc | undefined {
    return this.visible(this.alive(txId), collection, id);
  }

  insert(txId: string, collection: string, input: Doc): DocId {
    const tx = this.alive(txId);
    const id = (input._id ?? newDocumentId()) as DocId;
    if (typeof id !== 'string' && typeof id !== 'number') throw DB_ERRORS.invalidParam('_id must be a string or number');
    this.claim(tx, collection, id);
    if (this.visible(tx, collection, id)) throw DB_ERRORS.duplicateWrite(String(id));
    this.buffer(tx, collection, id, { _id: id, ...input });
    return id;
  }

  /** doc(id).update (merge: operators) or doc(id).set (replace, upsert). */
  modify(txId: string, collection: string, id: DocId, data: Doc, merge: boolean, upsert: boolean): { updated: number; upsertId?: DocId } {
    const tx = this.alive(txId);
    const current = this.visible(tx, collection, id);
    if (!current && !upsert) return { updated: 0 };
    this.claim(tx, collection, id);
    if (!current) {
      this.buffer(tx, collection, id, merge ? updatedCopy({ _id: id }, data) : { ...data, _id: id });
      return { updated: 0, upsertId: id };
    }
    const next = merge ? updatedCopy(current, data) : { ...data, _id: current._id };
    if (next._id !== current._id) throw DB_ERRORS.invalidParam('不能更新_id的值');
    if (encodeDoc(next) === encodeDoc(current)) return { updated: 0 };
    this.buffer(tx, collection, id, next);
    return { updated: 1 };
  }

  remove(txId: string, collection: string, id: DocId): number {
    const tx = this.alive(txId);
    if (!this.visible(tx, collection, id)) return 0;
    this.claim(tx, collection, id);
    this.buffer(tx, collection, id, null);
    return 1;
  }

  commit(txId: string): void {
    const tx = this.alive(txId);
    if (tx.overtaken) this.fail(tx, 'conflict', `document ${tx.overtaken} was written outside the transaction`);
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
    const ending = this.ended.get(txId);
    if (ending === 'conflict') throw DB_ERRORS.transactionConflict('the transaction was aborted by a conflict; retry it');
    if (ending === 'expired') throw DB_ERRORS.transactionFailed(`事务已超时：须在 ${TRANSACTION_TIMEOUT_MS / 1000} 秒内提交或回滚`);
    throw DB_ERRORS.transactionFailed(ending ? `transaction already ${ending}` : `transaction does not exist: ${txId}`);
  }

  /** The document as this transaction sees it: its own write, else its snapshot, else the committed one. */
  private visible(tx: Transaction, collection: string, id: DocId): Doc | undefined {
    const k = key(collection, id);
    const own = tx.writes.get(k);
    if (own) return own.doc ? structuredClone(own.doc) : undefined;
    if (tx.preImages.has(k)) {
      const text = tx.preImages.get(k);
      return text === null || text === undefined ? undefined : parseStoredDoc(text);
    }
    return this.ops.read(collection, id);
  }

  /** First writer wins: a document written by another open transaction, or committed since our snapshot, is a conflict. */
  private claim(tx: Transaction, collection: string, id: DocId): void {
    const k = key(collection, id);
    if (tx.overtaken) this.fail(tx, 'conflict', `document ${tx.overtaken} was written outside the transaction`);
    for (const other of this.open.values()) {
      if (other !== tx && other.writes.has(k)) this.fail(tx, 'conflict', `${collection}/${id} is being written by another transaction`);
    }
    if ((this.lastWrite.get(k) ?? -1) > tx.snapshot) this.fail(tx, 'conflict', `${collection}/${id} changed after the transaction started`);
  }

  private buffer(tx: Transaction, collection: string, id: DocId, doc: Doc | null): void {
    tx.writes.set(key(collection, id), { collection, id, doc });
  }

  /** Every committed write (plain or a commit) while transactions are open keeps their snapshots intact. */
  private committedWrite(collection: string, id: DocId, before: string | null): void {
    if (this.open.size === 0) return;
    this.commitSeq += 1;
    const k = key(collection, id);
    this.lastWrite.set(k, this.commitSeq);
    for (const tx of this.open.values()) {
      if (tx.writes.has(k)) tx.overtaken ??= `${collection}/${id}`;
      else if (!tx.preImages.has(k)) tx.preImages.set(k, before);
    }
  }

  private fail(tx: Transaction, ending: 'conflict', message: string): never {
    this.end(tx, ending);
    throw DB_ERRORS.transactionConflict(message);
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

function key(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${id}`;
}
