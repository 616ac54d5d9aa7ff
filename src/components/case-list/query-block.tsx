import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../big-button';
import { QueryView } from '../query-view';
import { Section } from '../section';
import type { CallError } from '../../services/call';
import type { QueryState } from '../../services/use-query';

/** Loading text, the error with a retry button, a friendly 无权查看, or the content: QueryView with a case's own failure. */
export function QueryBlock<T>({ state, onRetry, children }: { state: QueryState<T>; onRetry: () => void; children: (data: T) => ReactNode }) {
  return (
    <QueryView state={state} onRetry={onRetry} failed={(error) => <CaseLoadFailed error={error} onRetry={onRetry} />}>
      {children}
    </QueryView>
  );
}

function CaseLoadFailed({ error, onRetry }: { error: CallError; onRetry: () => void }) {
  const forbidden = error.code === 'FORBIDDEN';
  const missing = error.code === 'NOT_FOUND';
  return (
    <Section heading={forbidden ? '无权查看' : missing ? '找不到这件事' : '没能加载'}>
      <View className='section__error' role='alert'>
        {forbidden ? '这件事只有上报人和负责的工作人员能看。' : error.message}
      </View>
      {!forbidden && !missing && (
        <BigButton kind='primary' onClick={onRetry}>
          重新加载
        </BigButton>
      )}
      <BigButton onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>回到首页</BigButton>
    </Section>
  );
}
