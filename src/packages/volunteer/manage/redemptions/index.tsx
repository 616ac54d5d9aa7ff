import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { QueryView } from '../../../../components/query-view';
import { PickupRow } from './pickup-row';
import '../../shared/volunteer.scss';

/** At the counter: the volunteer shows the pickup code, staff type it in and mark the gift picked up. */
export default function ManageRedemptionsPage() {
  const communityId = useRouter().params.communityId ?? '';
  const { state, reload } = useQuery(() => call('volunteer', 'redemptions', { communityId, state: 'awaiting_pickup' }));
  return (
    <PageShell title='礼品领取登记'>
      <QueryView state={state} onRetry={reload}>
        {({ redemptions }) => (
          <Section heading={`待领取（${redemptions.length} 件）`}>
            <View className='section__help'>请志愿者出示取货码，核对后输入，确认已领取。</View>
            {redemptions.length === 0 && <View className='section__text'>没有待领取的礼品。</View>}
            {redemptions.map((r) => (
              <PickupRow key={r.redemptionId} redemption={r} onDone={reload} />
            ))}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
