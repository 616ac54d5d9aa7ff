/**
 * How a declared index stores one field of a document: a type tag plus a SQLite-comparable value.
 * The tag keeps MongoDB's type bracketing (a Date never compares with a number), and 'x' marks values an
 * index cannot reason about (sub-documents, paths through arrays, arrays holding anything but plain
 * scalars) — such rows are always kept as candidates, so narrowing only ever returns a superset of the
 * true matches and mingo decides the rest.
 *
 * 'm' (multikey) marks an array of plain scalars at the path: like MongoDB's multikey index (one index
 * key per distinct element; CloudBase's MongoDB-based database indexes arrays the same way), the store
 * keeps one key per element in a side table, so equality / `in` on a scalar — which MongoDB matches when
 * ANY element equals it — narrows to the documents holding that element. Ranges and ordered walks treat
 * 'm' like 'x' (always a candidate / not orderable): MongoDB's multikey sort and range bounds are subtler.
 */
export type IndexTag = 'n' | 's' | 'd' | 'b' | 'z' | 'x' | 'm';

export interface IndexKey {
  t: IndexTag;
  v: number | string | null;
}

export function indexKeyOfScalar(value: unknown): IndexKey | undefined {
  if (value === null || value === undefined) return { t: 'z', v: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'n', v: value } : undefined;
  if (typeof value === 'string') return { t: 's', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value ? 1 : 0 };
  if (value instanceof Date) return { t: 'd', v: value.getTime() };
  return undefined;
}

/** The key stored for `path` in `doc`; anything not a plain scalar becomes 'x' (always a candidate). */
export function indexKeyAt(doc: Record<string, unknown>, path: string): IndexKey {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return { t: 'x', v: null };
    if (current === null || typeof current !== 'object' || current instanceof Date) return { t: 'z', v: null };
    current = (current as Record<string, unknown>)[part];
  }
  if (Array.isArray(current)) return elementKeysOf(current) ? { t: 'm', v: null } : { t: 'x', v: null };
  return indexKeyOfScalar(current) ?? { t: 'x', v: null };
}

/**
 * The multikey entries of an array value: one key per distinct element, or undefined when an element is
 * not a plain scalar (a nested array, a sub-document, an ObjectId …) — such arrays stay 'x', because a
 * scalar's match against them (mingo's and MongoDB's rules for nested arrays differ) is left to mingo.
 */
export function elementKeysOf(values: unknown[]): IndexKey[] | undefined {
  const keys = new Map<string, IndexKey>();
  for (const value of values) {
    const key = indexKeyOfScalar(value);
    if (!key) return undefined;
    keys.set(`${key.t}:${String(key.v)}`, key);
  }
  return [...keys.values()];
}

/** The multikey entries stored for `path` in `doc` (tag 'm'), else none. */
export function elementKeysAt(doc: Record<string, unknown>, path: string): IndexKey[] {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || current instanceof Date) return [];
    current = (current as Record<string, unknown>)[part];
  }
  return Array.isArray(current) ? (elementKeysOf(current) ?? []) : [];
}

/** Tags an ordered walk can follow (MongoDB's type order); 'x' and 'm' rows send a read down the full path. */
export const isOrderableTag = (t: string | null | undefined): boolean => t === 'z' || t === 'n' || t === 's' || t === 'b' || t === 'd';
