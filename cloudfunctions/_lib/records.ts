import type { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import type { Database } from './app';

/**
 * The one typed way to read and write a stored collection (issue 9 item 1). Every document read is
 * parsed with its zod schema from `src/domain/<context>/records.ts`, so a malformed document fails here
 * and never reaches a rule half-read. Usage:
 *
 *   const cases = collectionOf(db, 'cases', caseRecordSchema);
 *   const c = await cases.require(id, '事件');
 *   const { doc, created } = await cases.insertOnce({ _id: caseIdFor(…), … });
 *   const version = await cases.update(c, { state: 'accepted' });
 *   const { items, next } = await cases.page({ gridId }, { orderBy: ['createdAt', 'desc'], limit: 20 });
 *   const rows = await cases.aggregate((p) => p.match({ gridId }).group({ _id: '$state', n: $.sum(1) }), rowSchema);
 *   await inTransaction(db, async (tx) => { const t = tx.collectionOf('cases', caseRecordSchema); … });
 */

type Stored = { _id: string };
type Versioned = { _id: string; version: number };
export type Where = Record<string, unknown>;

/** CloudBase's code for an insert whose `_id` exists already (@cloudbase/database, DATABASE_DUPLICATE_WRITE). */
const DUPLICATE = 'DATABASE_DUPLICATE_WRITE';
/** CloudBase's cap on one query's result (get() returns at most 1000 documents on the server SDK). */
export const MAX_PAGE = 1000;

export const CONFLICT_MESSAGE = '数据已被其他操作修改，请刷新后重试';

/** The SDK's pipeline builder after `collection(…).aggregate()` (@cloudbase/database's Aggregation). */
export type Aggregation = import('@cloudbase/database/dist/commonjs/aggregate').default;
/**
 * CloudBase answers an aggregation with 20 rows unless given a limit, and 10 000 is its ceiling: the
 * accessor always sets the limit itself, so no caller can forget it and get a silently short answer.
 */
export const AGGREGATE_CEILING = 10_000;
const AGGREGATE_DEFAULT_MAX = 1000;

export interface AggregateOptions {
  /** The most rows the caller accepts (default 1000, at most 10 000); more is an error, never a cut. */
  max?: number;
  /** What the caller is told when there are more than `max` rows (a DomainError naming what to narrow); else a RangeError. */
  tooMany?: DomainError;
}

export interface PageOptions {
  /** The field to order by, then `_id` as the tie-break, so a cursor never skips or repeats a document. */
  orderBy?: [field: string, direction: 'asc' | 'desc'];
  /** The `next` of the previous page. */
  after?: string | null;
  /** 1 … 1000 (CloudBase's cap); default 100. */
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor of the following page; null only when there is nothing more (never silently truncated). */
  next: string | null;
}

export interface Collection<T extends Stored> {
  readonly name: string;
  /** The document with this `_id`, or null. One round trip. */
  load(id: string): Promise<T | null>;
  /** Like load, but NOT_FOUND naming `what` (e.g. '事件') when absent. */
  require(id: string, what: string): Promise<T>;
  /** The first document matching `where` (e.g. a user by openid), or null. One round trip. */
  findOne(where: Where): Promise<T | null>;
  /** How many documents match `where` (one round trip, nothing read). */
  count(where: Where): Promise<number>;
  /** Several documents by id (one round trip per 1000), in no particular order; missing ids are skipped. */
  loadMany(ids: readonly string[]): Promise<T[]>;
  /**
   * Inserts a document with a deterministic `_id`. On a duplicate (the retry, the double tap, the second
   * sweep) nothing is written and the stored document is returned with `created: false`.
   */
  insertOnce(doc: T): Promise<{ doc: T; created: boolean }>;
  /**
   * insertOnce for many documents in one round trip when none exists yet; on any duplicate, falls back to
   * one insertOnce each (so a retry completes what an interrupted earlier try left out). Returns how many
   * it created.
   */
  insertAllOnce(docs: readonly T[]): Promise<number>;
  /**
   * Writes `patch` only if the stored `version` is still the one read, and increments it (ARCHITECTURE §4).
   * CONFLICT on a stale version. Returns the new version.
   */
  update(doc: Versioned, patch: Where, extraCondition?: Where): Promise<number>;
  /** A conditional write without a version (e.g. a claim `status: 'pending' → 'sending'`); returns how many changed. */
  updateWhere(where: Where, patch: Where): Promise<number>;
  /** Replaces (or creates) the whole document with this `_id`, e.g. the one heartbeat document. */
  replace(doc: T): Promise<void>;
  /** Removes every match (e.g. one sign-up by id); returns how many went. */
  removeWhere(where: Where): Promise<number>;
  /** One page of `where`, ordered by `orderBy` then `_id`; `next` continues it. */
  page(where: Where, opts?: PageOptions): Promise<Page<T>>;
  /** Every match, read page by page up to `max` documents; throws rather than truncate silently. */
  all(where: Where, opts?: { orderBy?: PageOptions['orderBy']; max?: number }): Promise<T[]>;
  /**
   * ONE aggregation over this collection (one round trip, `$lookup`s included): `build` adds the stages
   * after `aggregate()` — start with `match` so the scan is narrowed by an index — and each output row
   * is parsed with `rowSchema` (rows are shaped by the pipeline, not the stored schema). The accessor
   * sets the row limit and throws rather than truncate (see AggregateOptions).
   */
  aggregate<R extends z.ZodTypeAny>(build: (pipeline: Aggregation) => Aggregation, rowSchema: R, opts?: AggregateOptions): Promise<Array<z.infer<R>>>;
}

export function collectionOf<S extends z.ZodType<Stored, unknown>>(db: Database, name: string, schema: S): Collection<z.infer<S>> {
  type T = z.infer<S>;
  const coll = () => db.collection(name);
  const parse = (doc: unknown): T => parseStored(name, schema, doc);

  const load = async (id: string): Promise<T | null> => {
    const { data } = await coll().doc(id).get();
    return data.length ? parse(data[0]) : null;
  };

  const insertOnce = async (doc: T): Promise<{ doc: T; created: boolean }> => {
    try {
      await coll().add(doc as object);
      return { doc, created: true };
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const existing = await load(doc._id);
      if (!existing) throw err;
      return { doc: existing, created: false };
    }
  };

  const page = async (where: Where, opts: PageOptions = {}): Promise<Page<T>> => {
    const limit = opts.limit ?? 100;
    if (limit < 1 || limit > MAX_PAGE) throw new RangeError(`page limit must be 1…${MAX_PAGE}, got ${limit}`);
    const [field, direction] = opts.orderBy ?? ['_id', 'asc'];
    const after = opts.after ? decodeCursor(opts.after) : null;
    const _ = db.command;
    const condition = after ? _.and([where, afterCursor(db, field, direction, after)]) : where;
    let query = coll().where(condition).orderBy(field, direction);
    if (field !== '_id') query = query.orderBy('_id', direction);
    // One more than asked tells whether a next page exists without a count. At the cap itself a full
    // page may be followed by an empty one: better one empty read than a silently lost document.
    const { data } = await query.limit(Math.min(limit + 1, MAX_PAGE)).get();
    const items = data.slice(0, limit).map(parse);
    const more = data.length > limit || data.length === MAX_PAGE;
    const last = more ? (data[limit - 1] as Record<string, unknown>) : null;
    return { items, next: last ? encodeCursor({ v: field === '_id' ? null : last[field], id: String(last._id) }) : null };
  };

  return {
    name,
    load,
    require: (id, what) => requireFound(load, id, what),
    async findOne(where) {
      const { data } = await coll().where(where).limit(1).get();
      return data.length ? parse(data[0]) : null;
    },
    async count(where) {
      const { total } = await coll().where(where).count();
      return total;
    },
    async loadMany(ids) {
      const unique = [...new Set(ids)];
      const out: T[] = [];
      for (let i = 0; i < unique.length; i += MAX_PAGE) {
        const chunk = unique.slice(i, i + MAX_PAGE);
        const { data } = await coll().where({ _id: db.command.in(chunk) }).limit(MAX_PAGE).get();
        out.push(...data.map(parse));
      }
      return out;
    },
    insertOnce,
    async insertAllOnce(docs) {
      const unique = [...new Map(docs.map((d) => [d._id, d])).values()];
      if (!unique.length) return 0;
      try {
        await coll().add(unique as object[]);
        return unique.length;
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        const results = await Promise.all(unique.map(insertOnce));
        return results.filter((r) => r.created).length;
      }
    },
    async update(doc, patch, extraCondition = {}) {
      const result = await coll()
        .where({ ...extraCondition, _id: doc._id, version: doc.version })
        .update({ ...patch, version: doc.version + 1 });
      if (!result.updated) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
      return doc.version + 1;
    },
    async updateWhere(where, patch) {
      const result = await coll().where(where).update(patch);
      return result.updated ?? 0;
    },
    async replace(doc) {
      const { _id, ...rest } = doc as Stored & Record<string, unknown>;
      await coll().doc(_id).set(rest);
    },
    async removeWhere(where) {
      const result = await coll().where(where).remove();
      return result.deleted ?? 0;
    },
    page,
    async all(where, opts = {}) {
      const max = opts.max ?? 20_000;
      const out: T[] = [];
      let after: string | null = null;
      do {
        const got: Page<T> = await page(where, { orderBy: opts.orderBy, after, limit: MAX_PAGE });
        out.push(...got.items);
        after = got.next;
        if (out.length > max) throw new RangeError(`${name}: more than ${max} documents match; read them with page()`);
      } while (after);
      return out;
    },
    async aggregate(build, rowSchema, opts = {}) {
      const max = opts.max ?? AGGREGATE_DEFAULT_MAX;
      if (max < 1 || max > AGGREGATE_CEILING) throw new RangeError(`aggregate max must be 1…${AGGREGATE_CEILING}, got ${max}`);
      // One more than accepted tells "exactly max" from "more than max"; at the ceiling a full answer counts as more.
      const asked = Math.min(max + 1, AGGREGATE_CEILING);
      const { data } = (await build(coll().aggregate()).limit(asked).end()) as { data?: unknown[] };
      const rows = data ?? [];
      if (rows.length > max || rows.length === AGGREGATE_CEILING) throw opts.tooMany ?? new RangeError(`${name}: the aggregation gives more than ${max} rows; narrow its match`);
      return rows.map((row) => parseRow(`${name} aggregation`, rowSchema, row));
    },
  };
}

/** A transaction's view of one collection: only what CloudBase allows inside one (document operations). */
export interface TxCollection<T extends Stored> {
  load(id: string): Promise<T | null>;
  require(id: string, what: string): Promise<T>;
  /** Adds a new document; a duplicate `_id` aborts the transaction (load first when a retry may find it). */
  insert(doc: T): Promise<void>;
  /** Versioned: CONFLICT unless the stored version is `doc.version` (read inside the same transaction). */
  update(doc: Versioned, patch: Where): Promise<number>;
  /** Replaces the whole document (creates it when absent). */
  set(doc: T): Promise<void>;
  /**
   * Sets fields without the version check: for bookkeeping that must not make a person's versioned edit
   * conflict (e.g. the reconciler's write that ties its transaction to an activity's places).
   */
  patch(id: string, fields: Where): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface Tx {
  collectionOf<S extends z.ZodType<Stored, unknown>>(name: string, schema: S): TxCollection<z.infer<S>>;
}

/** The SDK types `runTransaction` as `any`; its callback gets @cloudbase/database's Transaction. */
type SdkTransaction = import('@cloudbase/database/dist/commonjs/transaction/index').Transaction;

/** CloudBase's code for a transaction that lost to a concurrent one (@cloudbase/database). */
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
/** Our tries on top of the SDK's own 3 (which retry in lockstep): enough for a crowd on one gift or account. */
const TRANSACTION_ATTEMPTS = 8;
export const BUSY_MESSAGE = '操作的人较多，请稍后重试';

const isTransactionConflict = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === TRANSACTION_CONFLICT;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one CloudBase database transaction (`db.runTransaction`: committed when `work`
 * resolves, rolled back when it throws). A domain error thrown inside rolls back and reaches the caller
 * unchanged. A conflict (DATABASE_TRANSACTION_CONFLICT) is retried by the SDK 3 times in lockstep; under a
 * crowd that is not enough, so the whole transaction is tried again here after a random pause that grows
 * with each try, and only then is the caller told CONFLICT "busy". `work` must therefore read what it
 * decides on inside the transaction (it may run more than once).
 */
export async function inTransaction<R>(db: Database, work: (tx: Tx) => Promise<R>): Promise<R> {
  const run = db.runTransaction as (callback: (t: SdkTransaction) => Promise<R>) => Promise<R>;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run.call(db, async (t) => work(txOf(t)));
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt >= TRANSACTION_ATTEMPTS) throw new DomainError('CONFLICT', BUSY_MESSAGE);
      await pause(10 + Math.random() * 40 * attempt);
    }
  }
}

function txOf(t: SdkTransaction): Tx {
  return {
    collectionOf(name, schema) {
      const ref = (id: string) => t.collection(name).doc(id);
      const load = async (id: string) => {
        const { data } = (await ref(id).get()) as { data: unknown };
        // Inside a transaction the SDK answers `data` as the document itself (or null), not a list.
        const doc = Array.isArray(data) ? data[0] : data;
        return doc ? parseStored(name, schema, doc) : null;
      };
      return {
        load,
        require: (id, what) => requireFound(load, id, what),
        async insert(doc) {
          await t.collection(name).add(doc as object);
        },
        async update(doc, patch) {
          const stored = (await load(doc._id)) as Versioned | null;
          if (!stored || stored.version !== doc.version) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
          await ref(doc._id).update({ ...patch, version: doc.version + 1 });
          return doc.version + 1;
        },
        async set(doc) {
          const { _id, ...rest } = doc as Stored & Record<string, unknown>;
          await ref(_id).set(rest);
        },
        async patch(id, fields) {
          await ref(id).update(fields);
        },
        async remove(id) {
          await ref(id).delete();
        },
      };
    },
  };
}

/** `load`, but NOT_FOUND naming `what` when absent: the same answer in and outside a transaction. */
async function requireFound<T>(load: (id: string) => Promise<T | null>, id: string, what: string): Promise<T> {
  const found = await load(id);
  if (!found) throw new DomainError('NOT_FOUND', `${what}不存在或已删除`);
  return found;
}

function parseStored<S extends z.ZodTypeAny>(name: string, schema: S, doc: unknown): z.infer<S> {
  return parseRow(`stored ${name}`, schema, doc);
}

function parseRow<S extends z.ZodTypeAny>(what: string, schema: S, doc: unknown): z.infer<S> {
  const result = schema.safeParse(doc);
  if (result.success) return result.data;
  const id = (doc as { _id?: unknown } | null)?._id;
  // A malformed stored document is our bug or drift, not the caller's input: INTERNAL, with where to look.
  throw new Error(`${what}/${typeof id === 'object' ? JSON.stringify(id) : String(id)} does not match its schema: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

export function isDuplicate(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === DUPLICATE;
}

// Cursor: the last item's order value and `_id`, as base64url JSON (dates kept as dates).
interface Cursor {
  v: unknown;
  id: string;
}
function encodeCursor(c: Cursor): string {
  const v = c.v instanceof Date ? { $date: c.v.toISOString() } : c.v;
  return Buffer.from(JSON.stringify({ v, id: c.id })).toString('base64url');
}
function decodeCursor(text: string): Cursor {
  try {
    const raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { v: unknown; id: unknown };
    if (typeof raw.id !== 'string') throw new Error('no id');
    const v = raw.v && typeof raw.v === 'object' && '$date' in raw.v ? new Date(String((raw.v as { $date: unknown }).$date)) : raw.v;
    return { v, id: raw.id };
  } catch {
    throw new DomainError('INVALID_INPUT', '输入有误：翻页位置无效，请从第一页重新加载', { after: '翻页位置无效' });
  }
}
function afterCursor(db: Database, field: string, direction: 'asc' | 'desc', c: Cursor): Where {
  const _ = db.command;
  const beyond = (v: unknown) => (direction === 'asc' ? _.gt(v) : _.lt(v));
  if (field === '_id') return { _id: beyond(c.id) };
  return _.or([{ [field]: beyond(c.v) }, { [field]: _.eq(c.v), _id: beyond(c.id) }]) as unknown as Where;
}
