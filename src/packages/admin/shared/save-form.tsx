import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { useSubmit, type Submit } from '../../../services/use-submit';

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

/**
 * The end of an admin edit form: what the function refused (with field errors, a pointer to the red
 * text under the fields), 已保存 once saved, and the 保存 button.
 */
export function SaveFooter({ submit, saved, onSave, savedTestId }: { submit: Submit; saved: boolean; onSave: () => void; savedTestId?: string }) {
  return (
    <>
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(submit.fields).length > 0 ? '请按红字提示修改后再保存' : submit.message}
        </View>
      )}
      {saved && (
        <View className='admin-saved' role='status' {...(savedTestId ? { 'data-testid': savedTestId } : {})}>
          已保存
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={onSave}>
        {submit.busy ? '正在保存…' : '保存'}
      </BigButton>
    </>
  );
}
