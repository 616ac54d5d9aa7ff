import { join } from 'node:path';
import { sendJson } from '../../core/http';
import type { AdminActionHandler, LocalCloudService, Route, ServiceContext } from '../../core/service';
import { databaseAdminActions } from './admin-actions';
import { DocumentOperations } from './operations';
import { DatabaseStats } from './stats';
import { DocumentStore } from './store';
import { TransactionManager } from './transactions';

export { DEFAULT_LIMIT, MAX_LIMIT } from './operations';
export { TRANSACTION_TIMEOUT_MS } from './transactions';
export type { QueryCost } from './stats';

/** The CloudBase document database, emulated on SQLite (file `database.sqlite` under the data dir). */
export class DatabaseService implements LocalCloudService {
  readonly name = 'database';
  readonly stats = new DatabaseStats();
  private store: DocumentStore | null = null;
  private ops: DocumentOperations | null = null;
  private txns: TransactionManager | null = null;
  private ctx: ServiceContext | null = null;
  private readonly writeListeners: Array<(action: string) => void> = [];
  /** Indexes asked for before start() are declared once the store is open. */
  private readonly pendingIndexes: Array<[string, string[]]> = [];
  /** Collections asked for before start() are created once the store is open. */
  private readonly pendingCollections: string[] = [];

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
    this.store = new DocumentStore(join(ctx.dataDir, 'database.sqlite'));
    this.ops = new DocumentOperations(this.store, this.stats);
    this.txns = new TransactionManager(this.ops, () => this.ctx?.clock.now() ?? Date.now());
    for (const name of this.pendingCollections.splice(0)) this.ensureCollection(name);
    for (const [collection, paths] of this.pendingIndexes.splice(0)) this.ensureIndex(collection, paths);
  }

  stop(): void {
    this.store?.close();
    this.store = null;
    this.ops = null;
    this.txns = null;
  }

  /**
   * Creates a collection if it does not exist — what deploying does on CloudBase, where any read or write
   * on a collection nobody created answers DATABASE_COLLECTION_NOT_EXIST. Idempotent; may be called
   * before start(). (`db.createCollection` through the SDK is the strict one: it fails on an existing name.)
   */
  ensureCollection(name: string): void {
    if (!this.store) this.pendingCollections.push(name);
    else this.store.createCollection(name);
  }

  /**
   * Declares SQLite indexes on field paths so eq / `in` / range conditions on them narrow the scan
   * before mingo evaluates the rest (e.g. the escalation timer's `dueAt <= now`). Idempotent.
   */
  ensureIndex(collection: string, fieldPaths: string[]): void {
    if (!this.store) {
      this.pendingIndexes.push([collection, fieldPaths]);
      return;
    }
    for (const path of fieldPaths) this.store.ensureIndex(collection, path);
  }

  /**
   * Called after each durable write through the admin API (insert, update, remove, transaction commit),
   * once SQLite has committed it and before the caller is answered.
   */
  onDurableWrite(listener: (action: string) => void): void {
    this.writeListeners.push(listener);
  }

  adminActions(): Record<string, AdminActionHandler> {
    if (!this.txns) throw new Error('database service not started');
    return databaseAdminActions(this.operations(), this.txns, this.stats, () => this.ctx?.clock.now() ?? Date.now(), (action) => {
      for (const listener of this.writeListeners) listener(action);
    });
  }

  routes(): Route[] {
    return [
      { method: 'GET', path: '/internal/db/stats', testOnly: true, handler: (_req, res) => sendJson(res, 200, this.info()) },
      {
        method: 'POST',
        path: '/internal/db/stats/reset',
        testOnly: true,
        handler: (_req, res) => {
          this.stats.reset();
          sendJson(res, 200, { ok: true });
        },
      },
    ];
  }

  /** Wipes every collection's documents, open transactions and the counters; declared indexes stay. */
  reset(): void {
    this.txns?.reset();
    this.store?.wipe();
    this.stats.reset();
  }

  info(): Record<string, unknown> {
    return { ...this.stats.snapshot(), openTransactions: this.txns?.info().open ?? 0, file: this.ctx ? join(this.ctx.dataDir, 'database.sqlite') : null };
  }

  private operations(): DocumentOperations {
    if (!this.ops) throw new Error('database service not started');
    return this.ops;
  }
}
