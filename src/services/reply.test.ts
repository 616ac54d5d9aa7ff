import { unwrapReply } from './reply';
import { CallError, networkError } from './call-error';

function thrown(fn: () => unknown): CallError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CallError) return e;
    throw e;
  }
  throw new Error('expected a CallError');
}

describe('reading a function reply', () => {
  it('a successful reply gives back its data', () => {
    expect(unwrapReply({ ok: true, data: { fontScale: 'large', version: 2 } })).toEqual({ fontScale: 'large', version: 2 });
  });

  it('a refused reply throws its code, Chinese message and field errors', () => {
    const e = thrown(() => unwrapReply({ ok: false, error: { code: 'INVALID_INPUT', message: '请检查填写内容', fields: { fontScale: '字号无效' } } }));
    expect([e.code, e.message, e.fields]).toEqual(['INVALID_INPUT', '请检查填写内容', { fontScale: '字号无效' }]);
  });

  it('a refused reply without fields throws with no field errors', () => {
    expect(thrown(() => unwrapReply({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })).fields).toEqual({});
  });

  it('a reply of the wrong shape is a server fault, not a success', () => {
    expect(thrown(() => unwrapReply('<html>502</html>')).code).toBe('INTERNAL');
    expect(thrown(() => unwrapReply({ data: 1 })).code).toBe('INTERNAL');
  });

  it('no reply at all reads as a network problem in Chinese', () => {
    expect([networkError().code, networkError().message]).toEqual(['NETWORK', '网络不畅，请稍后重试']);
  });
});
