import * as z from 'zod';
import { DomainError, type FieldErrors } from './errors';
import { FALLBACK_LABEL, FIELD_LABELS, plainReasonOf } from './plain-errors';

// Every message zod produces is shown to residents, many of them elderly: plain Chinese, always — the
// one mapping of plain-errors.ts, not zod's own locale ("期望 string <=64 字符").
z.config({ localeError: (issue) => plainReasonOf(issue) });

/**
 * Parses a payload with its schema, or throws `INVALID_INPUT` whose `fields` name each bad field in
 * Chinese (its `.describe('手机号')` label, else FIELD_LABELS, else "这一项" — never its path) and whose
 * `message` leads with the first one.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(schema, data, result.error.issues);
  const messages = Object.values(fields);
  const more = messages.length > 1 ? `（另有 ${messages.length - 1} 处）` : '';
  throw new DomainError('INVALID_INPUT', `输入有误：${messages[0] ?? '内容不正确'}${more}`, fields);
}

type Issue = z.core.$ZodIssue;

export function fieldErrorsOf(schema: z.ZodType, data: unknown, issues: readonly Issue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // One entry per unexpected key, so a form can point at it; the words never repeat the key itself.
      for (const key of issue.keys) fields[[...issue.path, key].map(String).join('.')] ??= plainReasonOf(issue);
      continue;
    }
    // Keys stay paths (forms attach messages by them); the words never contain one.
    const path = issue.path.map(String).join('.') || '(root)';
    fields[path] ??= messageOf(schema, data, issue);
  }
  return fields;
}

/** A schema's own message is already written for people; a default one gets the field's Chinese name. */
function messageOf(schema: z.ZodType, data: unknown, issue: Issue): string {
  if (issue.message !== plainReasonOf(issue)) return issue.message;
  const reason = valueAt(data, issue.path) === undefined && issue.code === 'invalid_type' ? '不能为空' : issue.message;
  return `${fieldLabelOf(schema, issue.path)} ${reason}`;
}

/** The field's Chinese name: its `.describe()` label, else the common name of its key, else "这一项". */
export function fieldLabelOf(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const described = labelOf(schema, path);
  if (described) return described;
  const key = [...path].reverse().find((k) => typeof k === 'string');
  return (typeof key === 'string' && FIELD_LABELS[key]) || FALLBACK_LABEL;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The `.describe()` label of the schema at `path`, looking through optional/default/array wrappers. */
export function labelOf(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    current = current && childOf(unwrap(current), key);
    if (!current) return undefined;
  }
  return current ? (current.description ?? unwrap(current).description) : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function childOf(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(key)];
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  return undefined;
}
