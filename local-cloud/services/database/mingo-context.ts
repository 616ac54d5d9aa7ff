import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { CollectionResolver, Options } from 'mingo/types';
import { isObject, isOperator, resolve } from 'mingo/util';

type Predicate = (value: unknown) => boolean;
type QueryOperator = (selector: string, value: unknown, options: Options) => Predicate;

/**
 * MongoDB's `$elemMatch`: with field conditions (`{ value: { $gt: 0 } }`) only sub-documents can match;
 * with bare operators (`{ $gt: 3 }`) each element is tested as a value. mingo 7 also lets plain values
 * through field conditions (`5` passes `{ value: { $gt: 0 } }`, `'Go'` passes `{ value: { $exists: true } }`),
 * which the vendor's advanced-operator.test.ts shows CloudBase does not — hence this replacement.
 */
const $elemMatch: QueryOperator = (selector, criteria, options) => {
  const fields = criteria as Record<string, unknown>;
  const keys = Object.keys(fields);
  const asValue = keys.length > 0 && keys.every((k) => isOperator(k) && !['$and', '$or', '$nor'].includes(k));
  const inner = new Query(asValue ? { value: fields } : fields, options);
  const matches: Predicate = asValue ? (v) => inner.test({ value: v }) : (v) => isObject(v) && inner.test(v as Record<string, unknown>);
  return (doc) => {
    const lhs = resolve(doc as Record<string, unknown>, selector, { unwrapArray: true });
    return Array.isArray(lhs) && lhs.some(matches);
  };
};

type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;
const mingoExpr = expressionOperators as unknown as Record<string, ExpressionOperator>;
const args = (obj: unknown, expr: unknown, options: Options) => evalExpr(obj, expr, options) as unknown[];

/**
 * `$week` as MongoDB (and strftime %U) counts: weeks start on Sunday, days before the year's first
 * Sunday are week 0. mingo 7 answers one more for most dates (2019-05-14 → 20, MongoDB 19; the
 * vendor's aggregation.test.ts pins 19). Built on mingo's own $dayOfYear/$dayOfWeek so timezones hold.
 */
const $week: ExpressionOperator = (obj, expr, options) => {
  const dayOfYear = mingoExpr.$dayOfYear(obj, expr, options) as number | null;
  const dayOfWeek = mingoExpr.$dayOfWeek(obj, expr, options) as number | null;
  if (dayOfYear === null || dayOfWeek === null) return null;
  return Math.floor((dayOfYear + 7 - dayOfWeek) / 7);
};

/** MongoDB's `$substr`/`$substrBytes`: a negative count means "to the end" (mingo 7 refuses it). */
const toEndOfString =
  (original: ExpressionOperator): ExpressionOperator =>
  (obj, expr, options) => {
    const [text, start, count] = args(obj, expr, options);
    if (typeof text === 'string' && typeof start === 'number' && typeof count === 'number' && count < 0) {
      const length = Buffer.byteLength(text, 'utf8');
      return original(obj, [{ $literal: text }, start, Math.max(0, length - start)], options);
    }
    return original(obj, [{ $literal: text }, start, count], options);
  };

/** `$indexOfCP` (code-point index of a substring; -1 when absent), which mingo 7 lacks. */
const $indexOfCP: ExpressionOperator = (obj, expr, options) => {
  const [text, search, start = 0, end] = args(obj, expr, options);
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string' || typeof search !== 'string') throw new Error('$indexOfCP expects strings');
  const points = Array.from(text);
  const wanted = Array.from(search);
  const last = Math.min(points.length, typeof end === 'number' ? end : points.length);
  for (let i = Number(start); i + wanted.length <= last; i++) {
    if (wanted.every((cp, k) => points[i + k] === cp)) return i;
  }
  return -1;
};

type PipelineOperator = (collection: { map(f: (doc: Record<string, unknown>) => unknown): unknown }, expr: Record<string, unknown>, options: Options) => { map(f: (doc: Record<string, unknown>) => unknown): unknown };
const mingoPipeline = pipelineOperators as unknown as Record<string, PipelineOperator>;

/**
 * `$lookup` with `localField` naming an array (e.g. `caller._id` after an earlier lookup): MongoDB joins
 * the documents matching any of its values, and none is `[]`. mingo 7 answers `[undefined]` for a value
 * nothing matches (its flatten keeps the missing map entry), which the SDK then reads as `[null]`.
 */
const $lookup: PipelineOperator = (collection, expr, options) => {
  const joined = mingoPipeline.$lookup(collection, expr, options);
  const as = String(expr.as);
  if (!expr.localField || as.includes('.')) return joined;
  return joined.map((doc) => {
    const found = doc[as];
    return Array.isArray(found) ? { ...doc, [as]: found.filter((d) => d !== undefined) } : doc;
  }) as ReturnType<PipelineOperator>;
};

/** mingo's operators as CloudBase's MongoDB evaluates them, with our corrections layered on top. */
const CLOUDBASE_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $week,
    $indexOfCP,
    $substr: toEndOfString(mingoExpr.$substr),
    $substrBytes: toEndOfString(mingoExpr.$substrBytes),
  } as never,
  pipeline: { ...pipelineOperators, $lookup } as never,
  projection: projectionOperators,
  query: { ...queryOperators, $elemMatch } as never,
  window: windowOperators,
});

export function queryOf(criteria: Record<string, unknown>, extra: Partial<Options> = {}): Query {
  return new Query(criteria, { ...extra, context: CLOUDBASE_CONTEXT });
}

export function aggregatorOf(pipeline: Record<string, unknown>[], collectionResolver: CollectionResolver, extra: Partial<Options> = {}): Aggregator {
  return new Aggregator(pipeline, { ...extra, collectionResolver, context: CLOUDBASE_CONTEXT });
}
