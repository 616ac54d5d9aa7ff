/**
 * How a declared index stores one field of a document: a type tag plus a SQLite-comparable value.
 * The tag keeps MongoDB's type bracketing (a Date never compares with a number), and 'x' marks values an
 * index cannot reason about (arrays, sub-documents, paths through arrays) — such rows are always kept as
 * candidates, so narrowing only ever returns a superset of the true matches and mingo decides the rest.
 */
export type IndexTag = 'n' | 's' | 'd' | 'b' | 'z' | 'x';

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
  if (Array.isArray(current)) return { t: 'x', v: null };
  return indexKeyOfScalar(current) ?? { t: 'x', v: null };
}
