import Taro from '@tarojs/taro';
import { fitsStorage, storedBytes, type StorageVerdict } from '../domain/offline/storage-budget';

/**
 * Local storage within WeChat's limits (1 MB per key, 10 MB in all — src/domain/offline/storage-budget.ts),
 * on weapp and in the H5 stand-in alike: Taro's H5 storage is localStorage without WeChat's limits (its
 * getStorageInfoSync answers NaN sizes), so the usage is measured here and the same limits refused.
 */
export function usedStorageBytes(): number {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof localStorage === 'undefined') return 0;
    let bytes = 0;
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i) ?? '';
      bytes += storedBytes(key) + storedBytes(localStorage.getItem(key) ?? '');
    }
    return bytes;
  }
  try {
    // WeChat reports KB.
    return Taro.getStorageInfoSync().currentSize * 1024;
  } catch {
    return 0;
  }
}

export function storedBytesOf(key: string): number {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    return raw === '' || raw === undefined ? 0 : storedBytes(raw);
  } catch {
    return 0;
  }
}

/** Writes `value` under `key` if it fits WeChat's limits; the verdict says why not otherwise. */
export function setWithinLimits(key: string, value: unknown): StorageVerdict {
  const verdict = fitsStorage(storedBytes(value), storedBytesOf(key), usedStorageBytes());
  if (!verdict.ok) return verdict;
  try {
    Taro.setStorageSync(key, value);
    return verdict;
  } catch {
    return { ok: false, reason: 'storage_full', message: 'setStorage:fail' };
  }
}
