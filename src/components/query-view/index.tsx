import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../big-button';
import { Section } from '../section';
import type { CallError } from '../../services/call';
import type { QueryState } from '../../services/use-query';

interface QueryViewProps<T> {
  state: QueryState<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
  /** What a page shows instead of the plain 没能打开 block when loading failed (e.g. a case's 无权查看). */
  failed?: (error: CallError) => ReactNode;
}

/** Loading text, or the error in plain words with a retry button, or the page's content. */
export function QueryView<T>({ state, onRetry, children, failed }: QueryViewProps<T>) {
  if (state.status === 'loading') {
    return (
      <View className='section__text' role='status'>
        正在加载…
      </View>
    );
  }
  if (state.status === 'failed') {
    if (failed) return <>{failed(state.error)}</>;
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
