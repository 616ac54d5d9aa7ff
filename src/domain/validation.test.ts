import * as z from 'zod';
import { DomainError } from './errors';
import { parseInput } from './validation';

const contactForm = z
  .object({
    phone: z.string().regex(/^1\d{10}$/).describe('手机号'),
    fontScale: z.enum(['standard', 'large']).describe('字号'),
    photos: z.array(z.string().min(1).describe('照片')).max(3).optional(),
    note: z.string().max(5).optional(),
  })
  .strict();

function errorOf(data: unknown): DomainError {
  try {
    parseInput(contactForm, data);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected parseInput to throw');
}

describe('parseInput', () => {
  it('returns the parsed value when the payload is valid', () => {
    expect(parseInput(contactForm, { phone: '13800000000', fontScale: 'large' })).toEqual({ phone: '13800000000', fontScale: 'large' });
  });

  it('names the field by its Chinese label when a phone number is malformed', () => {
    const err = errorOf({ phone: '12', fontScale: 'large' });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe('输入有误：手机号 格式不正确');
    expect(err.fields).toEqual({ phone: '手机号 格式不正确' });
  });

  it('says a missing field cannot be empty', () => {
    expect(errorOf({ fontScale: 'large' }).fields).toEqual({ phone: '手机号 不能为空' });
  });

  it('lists every bad field and counts the rest in the message', () => {
    const err = errorOf({ phone: 'x', fontScale: 'huge' });
    expect(err.fields).toEqual({ phone: '手机号 格式不正确', fontScale: '字号 不在可选范围内' });
    expect(err.message).toBe('输入有误：手机号 格式不正确（另有 1 处）');
  });

  it('labels array elements through the array and names an undescribed field by its common Chinese name, never its key', () => {
    const err = errorOf({ phone: '13800000000', fontScale: 'large', photos: ['a', ''], note: '太长了太长了' });
    expect(err.fields?.['photos.1']).toBe('照片 不能为空');
    expect(err.fields?.note).toBe('说明 不能超过 5 个字');
  });

  it('keeps a message the schema wrote for people as it is', () => {
    const withOwn = z.object({ photos: z.array(z.string()).min(1, '请至少上传 1 张处理后的现场照片') }).strict();
    expect(() => parseInput(withOwn, { photos: [] })).toThrow('输入有误：请至少上传 1 张处理后的现场照片');
  });

  it('refuses unknown keys such as an openid smuggled into the payload', () => {
    const err = errorOf({ phone: '13800000000', fontScale: 'large', openid: 'someone-else' });
    expect(err.fields).toEqual({ openid: '有本应用不认识的内容，请更新到最新版本后再试' });
  });
});
