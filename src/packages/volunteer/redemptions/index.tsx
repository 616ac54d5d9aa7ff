import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { LoadMore } from '../../../components/load-more';
import { dateTimeText } from '../shared/china-time-text';
import { QueryView } from '../../../components/query-view';
import '../shared/volunteer.scss';

/** My redemptions, newest first, a page at a time; the pickup code stays visible until the gift is picked up. */
export default function MyRedemptionsPage() {
  const list = usePagedList((after) => call('volunteer', 'redemptions', after ? { after } : {}), 'redemptions');
  return (
    <PageShell title='我的兑换'>
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {({ items: redemptions, next, total, more }) => (
          <Section heading='兑换记录'>
            {redemptions.length === 0 && <View className='section__text'>还没有兑换过礼品。</View>}
            {redemptions.map((r) => (
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
            <LoadMore shown={redemptions.length} next={next} total={total} more={more} onMore={list.loadMore} unit='条' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
