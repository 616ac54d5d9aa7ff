import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../big-button';
import { Section } from '../section';
import type { QueryState } from '../../services/use-query';

/** Loading text, the error with a retry button, a friendly 无权查看, or the content. */
export function QueryBlock<T>({ state, onRetry, children }: { state: QueryState<T>; onRetry: () => void; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') {
    return (
      <View className='section__text' role='status'>
        正在加载…
      </View>
    );
  }
  if (state.status === 'failed') {
    const forbidden = state.error.code === 'FORBIDDEN';
    const missing = state.error.code === 'NOT_FOUND';
    return (
      <Section heading={forbidden ? '无权查看' : missing ? '找不到这件事' : '没能加载'}>
        <View className='section__error' role='alert'>
          {forbidden ? '这件事只有上报人和负责的工作人员能看。' : state.error.message}
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
  return <>{children(state.data)}</>;
}
