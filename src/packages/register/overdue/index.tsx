import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { DRAFTS_URL, householdUrl } from '../shared/links';

/** 户况超期清单: what is past its deadline in the caller's scope (changes, 交接单, renter meetings). */
export default function OverduePage() {
  const { state, reload } = useQuery(() => call('register', 'overdue', {}));
  return (
    <PageShell title='户况超期清单'>
      <QueryView state={state} onRetry={reload}>
        {({ items, truncated }) => (
          <Section heading={`已超期 ${items.length} 项${truncated ? '（仅显示最早的部分）' : ''}`}>
            {items.length === 0 && <View className='section__text'>没有超期事项。</View>}
            <View className='section__actions'>
              {items.map((i) => (
                <BigButton key={`${i.kind}-${i.targetId}`} onClick={() => void Taro.navigateTo({ url: i.householdId ? householdUrl(i.householdId) : DRAFTS_URL })}>
                  {`${i.kindLabel}：${i.summary}（期限 ${i.dueAt.slice(0, 10)}）`}
                </BigButton>
              ))}
            </View>
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
