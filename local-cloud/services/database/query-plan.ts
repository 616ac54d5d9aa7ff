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
const MAX_IN_TERMS = 200;

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
  // Rows tagged 'x' (arrays, sub-documents) stay candidates: MongoDB matches inside arrays.
  const orUnknown = (inner: string) => `(${t} = 'x' OR ${inner})`;
  const direct = narrowKey(condition);
  if (direct) return { sql: orUnknown(`(${t} = ? AND ${v} = ?)`), params: [direct.t, direct.v] };
  if (!isPlainObject(condition)) return undefined;
  const eq = '$eq' in condition ? narrowKey(condition.$eq) : undefined;
  if (eq) return { sql: orUnknown(`(${t} = ? AND ${v} = ?)`), params: [eq.t, eq.v] };
  const inKeys = Array.isArray(condition.$in) ? condition.$in.map(narrowKey) : undefined;
  if (inKeys && inKeys.length > 0 && inKeys.length <= MAX_IN_TERMS && inKeys.every((k): k is IndexKey => !!k)) {
    const terms = inKeys.map(() => `(${t} = ? AND ${v} = ?)`).join(' OR ');
    return { sql: orUnknown(`(${terms})`), params: inKeys.flatMap((k) => [k.t, k.v]) };
  }
  return rangeClause(t, v, condition, orUnknown);
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

/** Only non-null scalars narrow: `eq null` also matches missing fields, which the index tags alike but let mingo judge. */
function narrowKey(value: unknown): IndexKey | undefined {
  const key = indexKeyOfScalar(value);
  return key && key.t !== 'z' ? key : undefined;
}

function isPlainObject(value: unknown): value is Criteria {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
}
