import { z } from 'zod';
import { DomainError, type FieldErrors } from './errors';

// Every message zod produces is shown to residents, many of them elderly: Chinese, always.
z.config(z.locales.zhCN());

/**
 * Parses a payload with its schema, or throws `INVALID_INPUT` whose `fields` name each bad field in
 * Chinese (its `.describe('手机号')` label, else its path) and whose `message` leads with the first one.
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
      // One entry per unexpected key, so a form can point at it and a caller sees what was refused.
      for (const key of issue.keys) {
        const path = [...issue.path, key].map(String).join('.');
        fields[path] ??= `${path} 是不支持的字段`;
      }
      continue;
    }
    const path = issue.path.map(String).join('.') || '(root)';
    fields[path] ??= `${labelOf(schema, issue.path) ?? path} ${reasonOf(issue, valueAt(data, issue.path))}`;
  }
  return fields;
}

/** Short reasons for the common failures; zod's own zh-CN text (e.g. for length limits) otherwise. */
function reasonOf(issue: Issue, value: unknown): string {
  if (value === undefined && issue.code === 'invalid_type') return '不能为空';
  switch (issue.code) {
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '不在可选范围内';
    case 'invalid_type':
      return '类型不正确';
    default:
      return stripPrefix(issue.message);
  }
}

/** zod's zh-CN messages start with a generic "无效输入：" that repeats what our prefix already says. */
function stripPrefix(message: string): string {
  return message.replace(/^无效[^：]*：/, '');
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
