import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { dateTimeText } from '../shared/china-time-text';
import { QueryView } from '../../../components/query-view';
import '../shared/volunteer.scss';

/** My redemptions, newest first; the pickup code stays visible until the gift is picked up. */
export default function MyRedemptionsPage() {
  const { state, reload } = useQuery(() => call('volunteer', 'redemptions', {}));
  return (
    <PageShell title='我的兑换'>
      <QueryView state={state} onRetry={reload}>
        {({ redemptions }) => (
          <Section heading='兑换记录'>
            {redemptions.length === 0 && <View className='section__text'>还没有兑换过礼品。</View>}
            {[...redemptions]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((r) => (
                <View key={r.redemptionId} className='vol-row'>
                  <View className='vol-row__title'>{r.giftName}</View>
                  <View className='vol-row__meta'>
                    {dateTimeText(r.at)} · 用了 {Math.abs(r.points)} 分
                  </View>
                  {r.state === 'picked_up' ? (
                    <View className='vol-tag vol-tag--good'>已领取{r.pickedUpAt ? ` ${dateTimeText(r.pickedUpAt)}` : ''}</View>
                  ) : (
                    <>
                      <View className='vol-tag vol-tag--warn'>待领取</View>
                      {r.pickupCode && (
                        <>
                          <View className='section__text'>到社区服务站出示取货码：</View>
                          <View className='vol-code' aria-label={`取货码 ${r.pickupCode.split('').join(' ')}`}>
                            {r.pickupCode}
                          </View>
                        </>
                      )}
                    </>
                  )}
                </View>
              ))}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
