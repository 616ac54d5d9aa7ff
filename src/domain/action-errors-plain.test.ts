import * as z from 'zod';
import { api } from './api';
import { DomainError } from './errors';
import { developerTextIn } from './developer-text';
import { parseInput } from './validation';

/**
 * Issue 8 item 4: every error an action's input check can return is plain Chinese. Bad inputs are
 * generated from each action's own schema — every field missing, of the wrong type, too long, empty,
 * nested wrong, plus an unknown key — and every message and field message is scanned.
 */
const BAD_VALUES: unknown[] = [12345, -1, '', 'x'.repeat(5000), null, [null], {}, true, '2026-13-45', [''.padEnd(5000, 'x')]];

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPipe) {
    s = (s instanceof z.ZodPipe ? s.in : s.unwrap()) as z.ZodType;
  }
  return s;
}

function badInputsFor(schema: z.ZodType): unknown[] {
  const inputs: unknown[] = [null, 'x', [], { unknownKey: 1 }];
  const obj = unwrap(schema);
  if (!(obj instanceof z.ZodObject)) return [...inputs, {}];
  const shape = obj.shape as Record<string, z.ZodType>;
  inputs.push({});
  for (const [key, field] of Object.entries(shape)) {
    for (const bad of BAD_VALUES) inputs.push({ [key]: bad });
    const inner = unwrap(field);
    if (inner instanceof z.ZodObject) {
      for (const sub of Object.keys(inner.shape)) for (const bad of BAD_VALUES.slice(0, 4)) inputs.push({ [key]: { [sub]: bad } });
    }
    if (inner instanceof z.ZodArray) inputs.push({ [key]: Array.from({ length: 60 }, () => 12345) });
  }
  return inputs;
}

const actions = Object.entries(api).flatMap(([fn, table]) =>
  Object.entries(table as Record<string, { input: z.ZodType }>).map(([action, contract]) => ({ name: `${fn}.${action}`, input: contract.input })),
);

describe('every action’s input errors speak plainly', () => {
  it.each(actions)('$name', ({ input }) => {
    const problems = new Set<string>();
    for (const data of badInputsFor(input)) {
      try {
        parseInput(input, data);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        for (const text of [err.message, ...Object.values(err.fields ?? {})]) {
          for (const p of developerTextIn(text)) problems.add(`${JSON.stringify(data).slice(0, 60)} → “${text}”: ${p}`);
        }
      }
    }
    expect([...problems]).toEqual([]);
  });

  it('the scanner itself catches what the issue saw', () => {
    expect(developerTextIn('command.photos 请至少上传 1 张现场照片')).not.toEqual([]);
    expect(developerTextIn('communityId 类型不正确')).not.toEqual([]);
    expect(developerTextIn('期望 string <=64 字符')).not.toEqual([]);
    expect(developerTextIn('超时未处理（PRODUCT.md §5 default, no source number）')).not.toEqual([]);
    expect(developerTextIn('000 L23 两小时内')).not.toEqual([]);
    expect(developerTextIn('A1 肥东路社区一号网格：照片只能是 JPG 或 PNG 图片')).toEqual([]);
  });
});
