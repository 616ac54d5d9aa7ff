import { BSONRegExp, EJSON, ObjectId } from 'bson';
import { DB_ERRORS } from './errors';

export type Doc = Record<string, unknown>;

/**
 * The SDK sends canonical EJSON ({"$numberInt": "1"}, {"$date": {"$numberLong": …}}) and parses answers
 * with `EJSON.parse` (relaxed), so relaxed parsing here yields plain numbers and real Date objects, which
 * is what mingo evaluates and what round-trips back to the caller as Date. Regular expressions arrive as
 * `{"$regularExpression": {pattern, options}}` (a JS `/re/` and `db.RegExp` alike, serializer/query.ts)
 * and become JS RegExps, the only kind mingo evaluates — a BSONRegExp would silently match nothing.
 */
export function decodeEjson(text: unknown, what: string): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  let value: unknown;
  if (typeof text !== 'string') value = EJSON.deserialize(text as Doc, { relaxed: true });
  else {
    try {
      value = EJSON.parse(text, { relaxed: true });
    } catch {
      throw DB_ERRORS.invalidParam(`${what} is not valid EJSON`);
    }
  }
  return withJsRegExps(value, what);
}

export function decodeObject(text: unknown, what: string): Doc | undefined {
  const value = decodeEjson(text, what);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw DB_ERRORS.invalidParam(`${what} must be an object`);
  return value as Doc;
}

/** MongoDB's regex options that JavaScript shares; `x` (extended) and `l` (locale) have no JS meaning. */
const JS_REGEX_OPTIONS = new Set(['i', 'm', 's', 'u']);

function toJsRegExp(re: BSONRegExp, what: string): RegExp {
  const unsupported = [...re.options].filter((o) => !JS_REGEX_OPTIONS.has(o));
  if (unsupported.length) throw DB_ERRORS.invalidParam(`${what}: 本地云不支持正则选项 ${unsupported.join('')} (regex options supported: i m s u)`);
  try {
    return new RegExp(re.pattern, re.options);
  } catch (err) {
    throw DB_ERRORS.invalidParam(`${what}: 正则表达式无效 ${(err as Error).message}`);
  }
}

function withJsRegExps(value: unknown, what: string): unknown {
  if (value instanceof BSONRegExp) return toJsRegExp(value, what);
  if (Array.isArray(value)) return value.map((v) => withJsRegExps(v, what));
  if (!isPlainRecord(value)) return value;
  const out: Doc = {};
  for (const [key, inner] of Object.entries(value)) out[key] = withJsRegExps(inner, what);
  return out;
}

/** How documents are kept on disk: relaxed EJSON, so ObjectId, Date and regex values keep their types. */
export function encodeDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true });
}

/**
 * How documents go back to the caller. CloudBase answers ObjectId values as their 24-hex string — the
 * vendor's oid.test.ts expects `add({ _id: db.ObjectId({ id }) }).id === id` and a stored
 * `a: db.ObjectId({ id })` to read back `=== id` — while they stay ObjectIds for matching.
 */
export function encodeForClient(doc: unknown): string {
  return EJSON.stringify(objectIdsAsHex(doc) as Doc, { relaxed: true });
}

export function objectIdsAsHex(value: unknown): unknown {
  if (value instanceof ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map(objectIdsAsHex);
  if (!isPlainRecord(value)) return value;
  const out: Doc = {};
  for (const [key, inner] of Object.entries(value)) out[key] = objectIdsAsHex(inner);
  return out;
}

export function parseStoredDoc(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

/** A deep copy that keeps BSON types (structuredClone would turn an ObjectId into a plain object). */
export function cloneDoc(doc: Doc): Doc {
  return parseStoredDoc(encodeDoc(doc));
}

/** `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`; the server stamps its own clock. */
export function stampServerDates(value: unknown, nowMs: number): unknown {
  if (Array.isArray(value)) return value.map((v) => stampServerDates(v, nowMs));
  if (!isPlainRecord(value)) return value;
  const record = value as Doc;
  const marker = record.$tcb_server_date as { offset?: number } | undefined;
  if (marker && Object.keys(record).length === 1) return new Date(nowMs + Number(marker.offset ?? 0));
  const out: Doc = {};
  for (const [key, inner] of Object.entries(record)) out[key] = stampServerDates(inner, nowMs);
  return out;
}

function isPlainRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
