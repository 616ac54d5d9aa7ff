import { useState } from 'react';
import Taro from '@tarojs/taro';
import { useSubmit } from '../../../services/use-submit';

/**
 * Saving one admin record (a community, a grid, a person): one call at a time, the stored version kept
 * for the next save (the function refuses a stale one), then 已保存 on the page and as a toast.
 */
export function useVersionedSave(initialVersion: number) {
  const [version, setVersion] = useState(initialVersion);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const save = async <T extends { version: number }>(send: (expectedVersion: number) => Promise<T>): Promise<T | undefined> => {
    setSaved(false);
    const result = await submit.run(() => send(version));
    if (!result) return undefined;
    setVersion(result.version);
    setSaved(true);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    return result;
  };
  return { submit, saved, save };
}
