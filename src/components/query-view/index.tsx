import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../big-button';
import { Section } from '../section';
import type { QueryState } from '../../services/use-query';

/** Loading text, or the error in plain words with a retry button, or the page's content. */
export function QueryView<T>({ state, onRetry, children }: { state: QueryState<T>; onRetry: () => void; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') {
    return (
      <View className='section__text' role='status'>
        正在加载…
      </View>
    );
  }
  if (state.status === 'failed') {
    return (
      <Section heading='没能打开'>
        <View className='section__error' role='alert'>
          {state.error.code === 'FORBIDDEN' ? '您没有使用这里的权限。如需帮助，请联系社区。' : state.error.message}
        </View>
        <BigButton kind='primary' onClick={onRetry}>
          重新加载
        </BigButton>
      </Section>
    );
  }
  return <>{children(state.data)}</>;
}
