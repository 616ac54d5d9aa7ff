import { indexKeyOfScalar, type IndexKey } from './index-keys';
import { isDocumentId, storedIdKey } from './document-id';
import type { IndexSlots } from './store';

/** A WHERE fragment over a collection table that selects a superset of a query's matches. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
  /** Field paths whose index (or `_id`) narrowed the scan; shown in stats. */
  usedIndexes: string[];
}

type Criteria = Record<string, unknown>;

const RANGE_SQL: Record<string, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };
/**
 * Longest `in` list narrowed by an index: MongoDB serves an `$in` of any length from an index; here the
 * bound only keeps one statement's parameters well under SQLite's limit (32 766). The register import's
 * duplicate lookup sends 500 keyed hashes at once (excel-import.ts IN_MAX): with the former bound of 200
 * it read every active person of the street per chunk, ~21 500 documents more for each file imported.
 */
const MAX_IN_TERMS = 1000;

/**
 * Narrows a scan with what SQLite can answer: `_id` equality/`$in`, and eq / `$in` / range conditions on
 * declared index paths, found at the top level or inside top-level `$and`. Everything else (and the
 * narrowed conditions themselves, again) is evaluated by mingo on the candidates.
 */
export function planScan(criteria: Criteria, slots: IndexSlots): SqlFilter {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const usedIndexes: string[] = [];
  for (const [path, condition] of conjuncts(criteria)) {
    const clause = path === '_id' ? idClause(condition) : slots.has(path) ? fieldClause(slots.get(path)!, condition) : undefined;
    if (!clause) continue;
    clauses.push(clause.sql);
    params.push(...clause.params);
    usedIndexes.push(path);
  }
  return { sql: clauses.join(' AND '), params, usedIndexes };
}

function* conjuncts(criteria: Criteria): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) yield* conjuncts(part);
    } else if (!key.startsWith('$')) {
      yield [key, value];
    }
  }
}

interface Clause {
  sql: string;
  params: unknown[];
}

function idClause(condition: unknown): Clause | undefined {
  if (isDocumentId(condition)) return { sql: 'id = ?', params: [storedIdKey(condition)] };
  if (!isPlainObject(condition)) return undefined;
  if (isDocumentId(condition.$eq)) return { sql: 'id = ?', params: [storedIdKey(condition.$eq)] };
  const list = condition.$in;
  if (Array.isArray(list) && list.length > 0 && list.length <= MAX_IN_TERMS && list.every(isDocumentId)) {
    return { sql: `id IN (${list.map(() => '?').join(', ')})`, params: list.map(storedIdKey) };
  }
  return undefined;
}

function fieldClause(slot: number, condition: unknown): Clause | undefined {
  const t = `k${slot}_t`;
  const v = `k${slot}_v`;
  const equalTo = (keys: IndexKey[]) => equalityClause(slot, keys);
  const direct = narrowKey(condition);
  if (direct) return equalTo([direct]);
  if (condition === null) return nullClause(slot);
  if (!isPlainObject(condition)) return undefined;
  if ('$eq' in condition && condition.$eq === null && Object.keys(condition).length === 1) return nullClause(slot);
  const eq = '$eq' in condition ? narrowKey(condition.$eq) : undefined;
  if (eq) return equalTo([eq]);
  const inKeys = Array.isArray(condition.$in) ? condition.$in.map(narrowKey) : undefined;
  if (inKeys && inKeys.length > 0 && inKeys.length <= MAX_IN_TERMS && inKeys.every((k): k is IndexKey => !!k)) return equalTo(inKeys);
  // Rows tagged 'x' (sub-documents, odd arrays) and 'm' (arrays of scalars) stay candidates of a range.
  return rangeClause(t, v, condition, (inner) => `(${t} IN ('x', 'm') OR ${inner})`);
}

/**
 * Equal to one of `keys`: a scalar row with that key, an array row (tag 'm') holding it as an element
 * (its multikey side table `@m<slot>@`, resolved by the store), or a row the index cannot read ('x').
 * Values are grouped by tag into `v IN (…)` lists, so a 500-hash duplicate lookup stays one index probe.
 */
function equalityClause(slot: number, keys: IndexKey[]): Clause {
  const t = `k${slot}_t`;
  const v = `k${slot}_v`;
  const byTag = new Map<string, unknown[]>();
  for (const key of keys) byTag.set(key.t, [...(byTag.get(key.t) ?? []), key.v]);
  const terms = (tagCol: string, valueCol: string) => [...byTag].map(([, values]) => `(${tagCol} = ? AND ${valueCol} IN (${values.map(() => '?').join(', ')}))`).join(' OR ');
  const params = [...byTag].flatMap(([tag, values]) => [tag, ...values]);
  const sql = `(${t} = 'x' OR ${terms(t, v)} OR (${t} = 'm' AND seq IN (SELECT seq FROM @m${slot}@ WHERE ${terms('t', 'v')})))`;
  return { sql, params: [...params, ...params] };
}

/**
 * Equal to null, which matches a missing field, a null, and an array holding null: rows tagged 'z' (null,
 * missing, or a path through a non-document), 'x' (unknown), and array rows with a null element. As
 * MongoDB answers `{ field: null }` from an index's null entries (records written before a field existed).
 */
function nullClause(slot: number): Clause {
  const t = `k${slot}_t`;
  return { sql: `(${t} IN ('x', 'z') OR (${t} = 'm' AND seq IN (SELECT seq FROM @m${slot}@ WHERE t = 'z')))`, params: [] };
}

function rangeClause(t: string, v: string, condition: Criteria, orUnknown: (s: string) => string): Clause | undefined {
  const parts: string[] = [];
  const params: unknown[] = [];
  let tag: string | undefined;
  for (const [op, sqlOp] of Object.entries(RANGE_SQL)) {
    if (!(op in condition)) continue;
    const key = narrowKey(condition[op]);
    // Mixed types in one range are legal MongoDB but rare; leave them to mingo rather than guess.
    if (!key || (tag && tag !== key.t)) return undefined;
    tag = key.t;
    parts.push(`${v} ${sqlOp} ?`);
    params.push(key.v);
  }
  if (!tag) return undefined;
  return { sql: orUnknown(`(${t} = ? AND ${parts.join(' AND ')})`), params: [tag, ...params] };
}

/** Non-null scalars narrow by their key; null (which also matches missing fields) has its own clause. */
function narrowKey(value: unknown): IndexKey | undefined {
  const key = indexKeyOfScalar(value);
  return key && key.t !== 'z' ? key : undefined;
}

function isPlainObject(value: unknown): value is Criteria {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
}

/** A count answered from the index (ops.count): rows the index decides exactly, and the rows mingo must judge. */
export interface CoveredCount {
  /** Rows whose every criteria field is a plain scalar meeting its condition: counted by SQLite, no document read. */
  exact: SqlFilter;
  /** Rows holding an array, a sub-document or an odd value in one of those fields: read and judged by mingo. */
  unknown: SqlFilter;
}

/**
 * A count is covered when every criteria entry is an indexed field with a scalar equality, or a number or
 * date range (strings are left out: SQLite orders them by UTF-8 bytes, mingo by UTF-16 units): MongoDB
 * then counts index keys (COUNT_SCAN) without fetching documents. Scalar rows are decided by the index
 * alone; every other row is in `unknown` and is read. The two sets partition the collection, so the sum
 * equals the full path's count (tests/contract/database-covered-count.test.ts checks it against a twin).
 */
export function planCoveredCount(criteria: Criteria, slots: IndexSlots): CoveredCount | undefined {
  const entries = Object.entries(criteria);
  if (entries.length === 0) return undefined;
  const exact: string[] = [];
  const params: unknown[] = [];
  const used: number[] = [];
  const paths: string[] = [];
  for (const [path, condition] of entries) {
    if (path.startsWith('$') || path === '_id' || !slots.has(path)) return undefined;
    const slot = slots.get(path)!;
    const clause = exactClause(slot, condition);
    if (!clause) return undefined;
    exact.push(clause.sql);
    params.push(...clause.params);
    used.push(slot);
    paths.push(path);
  }
  return {
    exact: { sql: exact.join(' AND '), params, usedIndexes: paths },
    unknown: { sql: used.map((slot) => `k${slot}_t NOT IN ('z', 'n', 's', 'b', 'd')`).join(' OR '), params: [], usedIndexes: paths },
  };
}

function exactClause(slot: number, condition: unknown): Clause | undefined {
  const t = `k${slot}_t`;
  const v = `k${slot}_v`;
  const onlyEq = isPlainObject(condition) && Object.keys(condition).length === 1 && '$eq' in condition;
  const key = narrowKey(condition) ?? (onlyEq ? narrowKey((condition as Criteria).$eq) : undefined);
  if (key) return { sql: `(${t} = ? AND ${v} = ?)`, params: [key.t, key.v] };
  if (!isPlainObject(condition)) return undefined;
  const ops = Object.keys(condition);
  if (ops.length === 0 || !ops.every((op) => op in RANGE_SQL)) return undefined;
  let tag: string | undefined;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const op of ops) {
    const bound = narrowKey(condition[op]);
    if (!bound || (bound.t !== 'n' && bound.t !== 'd') || (tag && tag !== bound.t)) return undefined;
    tag = bound.t;
    parts.push(`${v} ${RANGE_SQL[op]} ?`);
    params.push(bound.v);
  }
  return { sql: `(${t} = ? AND ${parts.join(' AND ')})`, params: [tag, ...params] };
}
