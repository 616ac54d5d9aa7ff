import type { Transport } from './transport';
import { createHttpTransport } from './http-transport';
import { createCloudTransport } from './cloud-transport';

export type { Transport } from './transport';
export { initCloud } from './cloud-transport';

/**
 * The one place that knows which platform talks how:
 * weapp → wx.cloud, unless TARO_APP_LOCAL_CLOUD_URL points DevTools at the local cloud;
 * h5 → the local cloud's HTTP gateway (TARO_APP_API_BASE, default same origin).
 */
export function usesCloudTransport(): boolean {
  return process.env.TARO_ENV === 'weapp' && !process.env.TARO_APP_LOCAL_CLOUD_URL;
}

export function createDefaultTransport(): Transport {
  if (usesCloudTransport()) return createCloudTransport();
  if (process.env.TARO_ENV === 'weapp') return createHttpTransport(process.env.TARO_APP_LOCAL_CLOUD_URL ?? '');
  return createHttpTransport(process.env.TARO_APP_API_BASE ?? '');
}
