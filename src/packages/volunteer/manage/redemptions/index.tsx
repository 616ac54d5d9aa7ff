import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { asQuery, usePagedList } from '../../../../services/use-paged-list';
import { LoadMore } from '../../../../components/load-more';
import { QueryView } from '../../../../components/query-view';
import { PickupRow } from './pickup-row';
import '../../shared/volunteer.scss';

/** At the counter: the volunteer shows the pickup code, staff type it in and mark the gift picked up. Newest first, a page at a time. */
export default function ManageRedemptionsPage() {
  const communityId = useRouter().params.communityId ?? '';
  const list = usePagedList((after) => call('volunteer', 'redemptions', { communityId, state: 'awaiting_pickup', ...(after ? { after } : {}) }), 'redemptions');
  const reload = list.reload;
  return (
    <PageShell title='礼品领取登记'>
      <QueryView state={asQuery(list.state)} onRetry={reload}>
        {({ items: redemptions, next, total, more }) => (
          <Section heading={`待领取（${total ?? redemptions.length} 件）`}>
            <View className='section__help'>请志愿者出示取货码，核对后输入，确认已领取。</View>
            {redemptions.length === 0 && <View className='section__text'>没有待领取的礼品。</View>}
            {redemptions.map((r) => (
              <PickupRow key={r.redemptionId} redemption={r} onDone={reload} />
            ))}
            <LoadMore shown={redemptions.length} next={next} total={total} more={more} onMore={list.loadMore} unit='件' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
