import { View } from '@tarojs/components';
import { BigButton } from '../big-button';

interface LoadMoreProps {
  shown: number;
  next: string | null;
  total?: number;
  more: 'idle' | 'loading' | { failed: string };
  onMore: () => void;
  /** The counting word: 件 for cases, 条 for records. */
  unit?: string;
}

/**
 * The foot of a long list: how many are shown, and 加载更多 while the cursor says more exist (also
 * loaded on scrolling to the bottom). A list never ends without saying so (issue 8 item 9).
 */
export function LoadMore({ shown, next, total, more, onMore, unit = '件' }: LoadMoreProps) {
  if (!next) {
    return shown > 0 ? (
      <View className='section__help' role='status' data-testid='list-end'>
        已全部显示（共 {shown} {unit}）
      </View>
    ) : null;
  }
  return (
    <View data-testid='list-more'>
      <View className='section__help' role='status'>
        已显示 {shown} {unit}{total !== undefined ? `，共 ${total} ${unit}` : '，还有更多'}
      </View>
      {typeof more === 'object' && (
        <View className='section__error' role='alert'>
          {more.failed}
        </View>
      )}
      <BigButton disabled={more === 'loading'} onClick={onMore}>
        {more === 'loading' ? '正在加载…' : '加载更多'}
      </BigButton>
    </View>
  );
}
