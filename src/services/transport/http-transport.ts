import type { Transport } from './transport';
import { requestJson } from './http-request';

/** The local cloud's gateway: `POST {base}/api/fn/{fn}` with `{ action, data }`. Empty base = same origin. */
export function createHttpTransport(base: string): Transport {
  const root = base.replace(/\/+$/, '');
  return {
    async send(fn, action, data) {
      const res = await requestJson({ method: 'POST', url: `${root}/api/fn/${encodeURIComponent(fn)}`, body: { action, data } });
      return res.body;
    },
  };
}
