import Database from 'better-sqlite3';
import { elementKeysAt, indexKeyAt } from './index-keys';
import type { SqlFilter } from './query-plan';

export interface StoredRow {
  seq: number;
  id: string | number | Buffer;
  doc: string;
}

/** A row of an ordered walk with the first sort field's index key (for `_id`: the id's own type). */
export interface OrderedRow extends StoredRow {
  keyTag: string;
  keyValue: unknown;
}

/** What an ordered walk follows: a declared index slot or the `_id` column. */
export type OrderSource = { slot: number } | { id: true };

/**
 * The index tags in MongoDB's (and mingo's SORT_ORDER's) type order: null/missing, numbers, strings,
 * booleans, dates. 'x' (arrays, sub-documents, other types) has no place in it.
 */
const TAG_ORDER = ['z', 'n', 's', 'b', 'd'] as const;

/** Index slot k of a collection: columns k{k}_t / k{k}_v with one SQLite index over both. */
export type IndexSlots = Map<string, number>;

/**
 * Documents on SQLite, one table per collection (rowid order = insertion order, like an unsorted
 * MongoDB scan). WAL with synchronous=NORMAL: a committed transaction survives `kill -9` of this process;
 * only an OS crash or power loss may roll back the last commits, which a local cloud can accept.
 */
export class DocumentStore {
  private readonly db: Database.Database;
  private readonly tables = new Map<string, string>();
  private readonly slots = new Map<string, IndexSlots>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, tbl TEXT NOT NULL UNIQUE);
      CREATE TABLE IF NOT EXISTS indexes (collection TEXT NOT NULL, path TEXT NOT NULL, slot INTEGER NOT NULL,
        PRIMARY KEY (collection, path));`);
    for (const row of this.db.prepare('SELECT name, tbl FROM collections').all() as { name: string; tbl: string }[]) {
      this.tables.set(row.name, row.tbl);
    }
    const declared = this.db.prepare('SELECT collection, path, slot FROM indexes').all() as { collection: string; path: string; slot: number }[];
    for (const row of declared) {
      this.slotsOf(row.collection).set(row.path, row.slot);
      const tbl = this.tables.get(row.collection);
      if (tbl) this.ensureMultikeyTable(tbl, row.slot);
    }
  }

  close(): void {
    this.db.close();
  }

  /** Runs `fn` as one SQLite transaction: every write action commits whole or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  indexSlots(collection: string): IndexSlots {
    return this.slotsOf(collection);
  }

  hasCollection(collection: string): boolean {
    return this.tables.has(collection);
  }

  /** Creates an empty collection; false when it exists already. Collections survive wipe() and restarts. */
  createCollection(collection: string): boolean {
    if (this.tables.has(collection)) return false;
    this.transaction(() => this.ensureTable(collection));
    return true;
  }

  *scan(collection: string, filter: SqlFilter): IterableIterator<StoredRow> {
    const tbl = this.tables.get(collection);
    if (!tbl) return;
    const where = filter.sql ? `WHERE ${sqlFor(tbl, filter)}` : '';
    yield* this.db.prepare(`SELECT seq, id, doc FROM ${tbl} ${where} ORDER BY seq`).iterate(...filter.params) as IterableIterator<StoredRow>;
  }

  /**
   * The rows of `filter` ordered by one index slot (tag in type order, then value, then `seq`) or by
   * `_id` (SQLite orders numbers < text < blobs, as mingo orders numbers < strings < ObjectIds); each
   * walk of a tag is an index range in order, so reading stops as soon as the caller stops.
   * undefined when the index cannot order every candidate (a tag 'x' or unset key among them):
   * the caller takes the full path then.
   */
  /** Whether a candidate holds, in index slot `slot`, a value the index cannot order (tag 'x': arrays, sub-documents, …). */
  hasUnorderable(collection: string, filter: SqlFilter, slot: number): boolean {
    const tbl = this.tables.get(collection);
    if (!tbl) return false;
    const and = filter.sql ? `AND (${sqlFor(tbl, filter)})` : '';
    const t = `k${slot}_t`;
    return !!this.db.prepare(`SELECT 1 FROM ${tbl} WHERE (${t} IS NULL OR ${t} NOT IN ('z', 'n', 's', 'b', 'd')) ${and} LIMIT 1`).get(...filter.params);
  }

  scanOrdered(collection: string, filter: SqlFilter, by: OrderSource, direction: 1 | -1, thenById?: 1 | -1): IterableIterator<OrderedRow> | undefined {
    const tbl = this.tables.get(collection);
    if (!tbl) return [][Symbol.iterator]();
    const and = filter.sql ? `AND (${sqlFor(tbl, filter)})` : '';
    const dir = direction === 1 ? 'ASC' : 'DESC';
    if ('id' in by) {
      const rows = this.db.prepare(`SELECT seq, id, doc, id AS keyValue FROM ${tbl} WHERE 1 ${and} ORDER BY id ${dir}`).iterate(...filter.params) as IterableIterator<OrderedRow>;
      return withIdTags(rows);
    }
    const t = `k${by.slot}_t`;
    const v = `k${by.slot}_v`;
    if (this.hasUnorderable(collection, filter, by.slot)) return undefined;
    // Ties on the field in `_id` order when the read sorts by `_id` next (the cursor pages of records.ts do).
    const tie = thenById ? `id ${thenById === 1 ? 'ASC' : 'DESC'}` : 'seq';
    const walk = this.db.prepare(`SELECT seq, id, doc, ${t} AS keyTag, ${v} AS keyValue FROM ${tbl} WHERE ${t} = ? ${and} ORDER BY ${v} ${dir}, ${tie}`);
    const tags = direction === 1 ? TAG_ORDER : [...TAG_ORDER].reverse();
    return (function* () {
      for (const tag of tags) yield* walk.iterate(tag, ...filter.params) as IterableIterator<OrderedRow>;
    })();
  }

  insert(collection: string, id: string | number | Buffer, doc: Record<string, unknown>, text: string): void {
    const tbl = this.ensureTable(collection);
    const { columns, values } = this.indexColumns(collection, doc);
    const names = ['id', 'doc', ...columns].join(', ');
    const marks = ['?', '?', ...columns.map(() => '?')].join(', ');
    const { lastInsertRowid } = this.db.prepare(`INSERT INTO ${tbl} (${names}) VALUES (${marks})`).run(id, text, ...values);
    this.writeElementKeys(collection, tbl, Number(lastInsertRowid), doc);
  }

  replace(collection: string, seq: number, doc: Record<string, unknown>, text: string): void {
    const tbl = this.ensureTable(collection);
    const { columns, values } = this.indexColumns(collection, doc);
    const sets = ['doc = ?', ...columns.map((c) => `${c} = ?`)].join(', ');
    this.db.prepare(`UPDATE ${tbl} SET ${sets} WHERE seq = ?`).run(text, ...values, seq);
    this.writeElementKeys(collection, tbl, seq, doc);
  }

  delete(collection: string, seq: number): void {
    const tbl = this.tables.get(collection);
    if (!tbl) return;
    this.db.prepare(`DELETE FROM ${tbl} WHERE seq = ?`).run(seq);
    for (const slot of this.slotsOf(collection).values()) this.db.prepare(`DELETE FROM ${multikeyTable(tbl, slot)} WHERE seq = ?`).run(seq);
  }

  /** Whether any row holds an array in index slot `slot` (multikey entries exist). */
  hasMultikeyEntries(collection: string, slot: number): boolean {
    const tbl = this.tables.get(collection);
    return !!tbl && !!this.db.prepare(`SELECT 1 FROM ${multikeyTable(tbl, slot)} LIMIT 1`).get();
  }

  /** How many rows `filter` selects, counted by SQLite (a covered count: no document is read). */
  countRows(collection: string, filter: SqlFilter): number {
    const tbl = this.tables.get(collection);
    if (!tbl) return 0;
    const where = filter.sql ? `WHERE ${sqlFor(tbl, filter)}` : '';
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${tbl} ${where}`).get(...filter.params) as { n: number }).n;
  }

  /** Declares an index on a field path and backfills it; idempotent, survives restarts and resets. */
  ensureIndex(collection: string, path: string): void {
    if (this.slotsOf(collection).has(path)) return;
    this.transaction(() => {
      const slot = this.slotsOf(collection).size;
      this.db.prepare('INSERT INTO indexes (collection, path, slot) VALUES (?, ?, ?)').run(collection, path, slot);
      this.slotsOf(collection).set(path, slot);
      const tbl = this.tables.get(collection);
      if (!tbl) return;
      this.addIndexColumns(tbl, slot);
      const rows = this.db.prepare(`SELECT seq, doc FROM ${tbl}`).all() as { seq: number; doc: string }[];
      const write = this.db.prepare(`UPDATE ${tbl} SET k${slot}_t = ?, k${slot}_v = ? WHERE seq = ?`);
      const writeElement = this.db.prepare(`INSERT OR IGNORE INTO ${multikeyTable(tbl, slot)} (t, v, seq) VALUES (?, ?, ?)`);
      for (const row of rows) {
        const doc = this.parse(row.doc);
        const key = indexKeyAt(doc, path);
        write.run(key.t, key.v, row.seq);
        for (const element of elementKeysAt(doc, path)) writeElement.run(element.t, element.v ?? 0, row.seq);
      }
    });
  }

  /** Deletes every document; tables and declared indexes stay, so suites can declare indexes once. */
  wipe(): void {
    this.transaction(() => {
      for (const [collection, tbl] of this.tables) {
        this.db.exec(`DELETE FROM ${tbl}`);
        for (const slot of this.slotsOf(collection).values()) this.db.exec(`DELETE FROM ${multikeyTable(tbl, slot)}`);
      }
    });
  }

  /** Set by the operations layer so the store can compute index keys without knowing EJSON. */
  parse: (text: string) => Record<string, unknown> = (text) => JSON.parse(text) as Record<string, unknown>;

  private slotsOf(collection: string): IndexSlots {
    let slots = this.slots.get(collection);
    if (!slots) this.slots.set(collection, (slots = new Map()));
    return slots;
  }

  private ensureTable(collection: string): string {
    const existing = this.tables.get(collection);
    if (existing) return existing;
    const tbl = `c_${this.tables.size + 1}`;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${tbl} (seq INTEGER PRIMARY KEY AUTOINCREMENT, id NOT NULL UNIQUE, doc TEXT NOT NULL)`);
    for (const slot of this.slotsOf(collection).values()) this.addIndexColumns(tbl, slot);
    this.db.prepare('INSERT INTO collections (name, tbl) VALUES (?, ?)').run(collection, tbl);
    this.tables.set(collection, tbl);
    return tbl;
  }

  private addIndexColumns(tbl: string, slot: number): void {
    const cols = (this.db.prepare(`PRAGMA table_info(${tbl})`).all() as { name: string }[]).map((c) => c.name);
    // A store written before multikey entries existed gets its side table too (its arrays stay 'x' rows).
    this.ensureMultikeyTable(tbl, slot);
    if (cols.includes(`k${slot}_t`)) return;
    this.db.exec(`ALTER TABLE ${tbl} ADD COLUMN k${slot}_t TEXT; ALTER TABLE ${tbl} ADD COLUMN k${slot}_v;
      CREATE INDEX IF NOT EXISTS ${tbl}_k${slot} ON ${tbl} (k${slot}_t, k${slot}_v);`);
  }

  /** The side table of slot k's multikey entries (one row per distinct array element), created with the slot. */
  private ensureMultikeyTable(tbl: string, slot: number): void {
    const m = multikeyTable(tbl, slot);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${m} (t TEXT NOT NULL, v, seq INTEGER NOT NULL, PRIMARY KEY (t, v, seq)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ${m}_seq ON ${m} (seq);`);
  }

  /** Replaces a row's multikey entries in every slot whose path holds an array of scalars. */
  private writeElementKeys(collection: string, tbl: string, seq: number, doc: Record<string, unknown>): void {
    for (const [path, slot] of this.slotsOf(collection)) {
      const m = multikeyTable(tbl, slot);
      this.db.prepare(`DELETE FROM ${m} WHERE seq = ?`).run(seq);
      const elements = elementKeysAt(doc, path);
      if (elements.length === 0) continue;
      const write = this.db.prepare(`INSERT OR IGNORE INTO ${m} (t, v, seq) VALUES (?, ?, ?)`);
      // A WITHOUT ROWID key cannot hold NULL: a null element is stored as (t 'z', v 0); only its tag is ever asked.
      for (const element of elements) write.run(element.t, element.v ?? 0, seq);
    }
  }

  private indexColumns(collection: string, doc: Record<string, unknown>): { columns: string[]; values: unknown[] } {
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const [path, slot] of this.slotsOf(collection)) {
      const key = indexKeyAt(doc, path);
      columns.push(`k${slot}_t`, `k${slot}_v`);
      values.push(key.t, key.v);
    }
    return { columns, values };
  }
}

/** Slot k's multikey side table of collection table `tbl`. */
const multikeyTable = (tbl: string, slot: number) => `${tbl}_m${slot}`;

/** The planner writes `@m<k>@` for slot k's multikey table (it does not know table names); resolved here. */
const sqlFor = (tbl: string, filter: SqlFilter) => filter.sql.replace(/@m(\d+)@/g, (_all, slot: string) => multikeyTable(tbl, Number(slot)));

function* withIdTags(rows: IterableIterator<OrderedRow>): IterableIterator<OrderedRow> {
  for (const row of rows) {
    row.keyTag = typeof row.id === 'string' ? 's' : typeof row.id === 'number' ? 'n' : 'o';
    yield row;
  }
}
