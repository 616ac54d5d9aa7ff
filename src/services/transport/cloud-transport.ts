import Taro from '@tarojs/taro';
import type { Transport } from './transport';
import { CallError, BAD_REPLY_MESSAGE, networkError } from '../call-error';

let initialised = false;

/** `wx.cloud.init` must run once before any call; app.ts calls this at launch (weapp only). */
export function initCloud(): void {
  if (initialised) return;
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  initialised = true;
}

/** Production weapp: `wx.cloud.callFunction`; the function's return value is the reply body. */
export function createCloudTransport(): Transport {
  return {
    async send(fn, action, data) {
      initCloud();
      try {
        const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
        return res.result;
      } catch (e) {
        // A function that crashed (errCode -504002) did answer; anything else never reached it.
        const errMsg = (e as { errMsg?: unknown })?.errMsg;
        if (typeof errMsg === 'string' && errMsg.includes('execute fail')) {
          throw new CallError('INTERNAL', BAD_REPLY_MESSAGE);
        }
        throw networkError();
      }
    },
  };
}
