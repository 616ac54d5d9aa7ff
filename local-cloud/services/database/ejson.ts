import { EJSON } from 'bson';
import { DB_ERRORS } from './errors';

export type Doc = Record<string, unknown>;

/**
 * The SDK sends canonical EJSON ({"$numberInt": "1"}, {"$date": {"$numberLong": …}}) and parses answers
 * with `EJSON.parse` (relaxed), so relaxed parsing here yields plain numbers and real Date objects, which
 * is what mingo evaluates and what round-trips back to the caller as Date.
 */
export function decodeEjson(text: unknown, what: string): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return EJSON.deserialize(text as Doc, { relaxed: true });
  try {
    return EJSON.parse(text, { relaxed: true });
  } catch {
    throw DB_ERRORS.invalidParam(`${what} is not valid EJSON`);
  }
}

export function decodeObject(text: unknown, what: string): Doc | undefined {
  const value = decodeEjson(text, what);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw DB_ERRORS.invalidParam(`${what} must be an object`);
  return value as Doc;
}

export function encodeDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true });
}

export function parseStoredDoc(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

/** `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`; the server stamps its own clock. */
export function stampServerDates(value: unknown, nowMs: number): unknown {
  if (Array.isArray(value)) return value.map((v) => stampServerDates(v, nowMs));
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Doc;
  const marker = record.$tcb_server_date as { offset?: number } | undefined;
  if (marker && Object.keys(record).length === 1) return new Date(nowMs + Number(marker.offset ?? 0));
  const out: Doc = {};
  for (const [key, inner] of Object.entries(record)) out[key] = stampServerDates(inner, nowMs);
  return out;
}
