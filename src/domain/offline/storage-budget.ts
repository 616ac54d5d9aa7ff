/**
 * WeChat's local storage limits (wx.setStorage / setStorageSync docs: "单个 key 允许存储的最大数据长度为
 * 1MB，所有数据存储上限为 10MB"). The H5 stand-in enforces the same numbers, so a queue that would
 * overflow a phone overflows in the browser and in tests too (a lenient stand-in hides bugs).
 */
export const WECHAT_STORAGE = { perKeyBytes: 1024 * 1024, totalBytes: 10 * 1024 * 1024 } as const;
export type StorageLimits = { perKeyBytes: number; totalBytes: number };

/** Bytes a value takes in storage: its JSON text in UTF-8 (what setStorage serialises). */
export function storedBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export type StorageVerdict = { ok: true } | { ok: false; reason: 'key_too_large' | 'storage_full'; message: string };

/**
 * Whether writing `valueBytes` under a key that now holds `previousBytes` fits, given `usedBytes` in all
 * (WeChat counts the whole storage, our keys and others). Messages as WeChat's fail messages read.
 */
export function fitsStorage(valueBytes: number, previousBytes: number, usedBytes: number, limits: StorageLimits = WECHAT_STORAGE): StorageVerdict {
  if (valueBytes > limits.perKeyBytes) return { ok: false, reason: 'key_too_large', message: 'setStorage:fail exceed max size of single item 1MB' };
  if (usedBytes - previousBytes + valueBytes > limits.totalBytes) return { ok: false, reason: 'storage_full', message: 'setStorage:fail exceed storage max size 10MB' };
  return { ok: true };
}
