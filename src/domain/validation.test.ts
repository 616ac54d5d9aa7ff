import { z } from 'zod';
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

  it('labels array elements through the array and falls back to the path when no label is given', () => {
    const err = errorOf({ phone: '13800000000', fontScale: 'large', photos: ['a', ''], note: '太长了太长了' });
    expect(err.fields?.['photos.1']).toMatch(/^照片 /);
    expect(err.fields?.note).toMatch(/^note .+5/);
  });

  it('refuses unknown keys such as an openid smuggled into the payload', () => {
    const err = errorOf({ phone: '13800000000', fontScale: 'large', openid: 'someone-else' });
    expect(err.fields).toEqual({ openid: 'openid 是不支持的字段' });
  });
});
