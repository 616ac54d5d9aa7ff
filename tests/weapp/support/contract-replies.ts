import type { z } from 'zod';
import { api, type FunctionName } from '../../../src/domain/api';

/**
 * What the stubbed `wx.cloud.callFunction` answers: `{ ok: true, data }` where `data` is built from the
 * action's OUTPUT schema in the contract (src/domain/api.ts) and checked by it, then JSON round-tripped
 * as a real reply is. One element per array, the first enum value, readable placeholder text — enough
 * for every page to render its content, not a story; a page's own test overrides what it asserts on.
 */
type Def = { type: string; [k: string]: any };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const bagOf = (s: z.ZodType): Record<string, any> => (s as unknown as { _zod: { bag?: Record<string, any> } })._zod.bag ?? {};

const SAMPLE_TIME = '2026-12-01T07:01:00.000Z';

export function sampleOf(schema: z.ZodType, key = 'value'): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, s]) => [k, sampleOf(s, k)]));
    case 'string':
      return sampleString(schema, key);
    case 'number':
    case 'int':
      return Math.max(1, bagOf(schema).minimum ?? 1);
    case 'boolean':
      return key.startsWith('can') || key === 'registered';
    case 'date':
      return SAMPLE_TIME;
    case 'array':
      return [sampleOf(def.element, key)];
    case 'enum':
      return Object.values(def.entries)[0];
    case 'literal':
      return def.values[0];
    case 'union':
      return sampleOf(def.options[0], key);
    case 'default':
      // The schema's own default is a realistic value (SLA table, calendar periods …).
      return JSON.parse(JSON.stringify(def.defaultValue));
    case 'optional':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sampleOf(def.innerType, key);
    case 'pipe':
      return sampleOf(def.in, key);
    case 'record': {
      // A record keyed by an enum is exhaustive in zod 4: one entry per key (e.g. register rules' access table).
      const keyDef = defOf(def.keyType);
      const keys = keyDef.type === 'enum' ? Object.values(keyDef.entries as Record<string, string>) : [];
      return Object.fromEntries(keys.map((k) => [k, sampleOf(def.valueType, k)]));
    }
    case 'lazy':
      return sampleOf(def.getter(), key);
    case 'nan':
    case 'null':
      return null;
    default:
      return null;
  }
}

function sampleString(schema: z.ZodType, key: string): string {
  const bag = bagOf(schema);
  const preferred: string[] = [];
  if (bag.format === 'datetime' || /At$|Date$|^date|time/i.test(key)) preferred.push(SAMPLE_TIME);
  if (key === 'month') preferred.push('2026-11');
  if (/Dates$/.test(key)) preferred.push('2026-12-01');
  if (/url$/i.test(key)) preferred.push('https://example.invalid/file.png');
  if (/phone/i.test(key)) preferred.push('13800000000');
  if (/(^id|Id)$/.test(key)) preferred.push(`${key.replace(/Id$/, '') || 'id'}-1`);
  // The first candidate the string's own checks (regex, length, format) accept.
  const candidates = [...preferred, `示例${key}`, `${key.toLowerCase().replace(/[^a-z0-9]/g, '_')}_1`, 'sample_1', 'sample.rule', 'abc12345', '123456', '2026-11', '2026-12-01', SAMPLE_TIME, 'A', 'a'];
  return candidates.find((c) => schema.safeParse(c).success) ?? `示例${key}`;
}

/** A reply for one action: `overrides` (deep-merged over the sample) must still fit the output schema. */
export function contractReply(fn: FunctionName, action: string, overrides?: unknown): { ok: true; data: unknown } {
  const entry = (api[fn] as Record<string, { output: z.ZodType }>)[action];
  if (!entry) throw new Error(`${fn}.${action} is not in the contract`);
  const data = JSON.parse(JSON.stringify(merge(sampleOf(entry.output), overrides)));
  const parsed = entry.output.safeParse(data);
  if (!parsed.success) throw new Error(`sample reply for ${fn}.${action} does not fit its output schema: ${parsed.error.message}`);
  return { ok: true, data };
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (Array.isArray(over) || typeof over !== 'object' || over === null || typeof base !== 'object' || base === null || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out;
}

/** The input check a function would make: a page must never send what the contract refuses. */
export function inputProblem(fn: string, action: string, data: unknown): string | null {
  const entry = (api as Record<string, Record<string, { input: z.ZodType }>>)[fn]?.[action];
  if (!entry) return `${fn}.${action} is not in the contract`;
  const parsed = entry.input.safeParse(data);
  return parsed.success ? null : `${fn}.${action} input refused: ${parsed.error.message}`;
}
