import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { QueryView } from '../../../../components/query-view';
import { VolunteerLedger } from './volunteer-ledger';
import '../../shared/volunteer.scss';

/** Staff: pick a volunteer of the community, see their ledger, correct an entry with a reason. */
export default function ManageLedgerPage() {
  const communityId = useRouter().params.communityId ?? '';
  const [volunteerId, setVolunteerId] = useState('');
  const { state, reload } = useQuery(() => call('volunteer', 'volunteers', { communityId }));
  if (volunteerId) {
    return (
      <PageShell title='积分台账与更正'>
        <VolunteerLedger volunteerId={volunteerId} />
        <BigButton onClick={() => setVolunteerId('')}>返回志愿者名单</BigButton>
      </PageShell>
    );
  }
  return (
    <PageShell title='积分台账与更正'>
      <QueryView state={state} onRetry={reload}>
        {({ volunteers }) => (
          <Section heading='本社区志愿者'>
            {volunteers.length === 0 && <View className='section__text'>还没有登记的志愿者。</View>}
            {volunteers.map((v) => (
              <View key={v.volunteerId} className='vol-row'>
                <View className='vol-row__title'>{v.name}</View>
                <View className='vol-row__meta'>
                  {v.phone}
                  {v.building ? ` · ${v.building}` : ''}
                </View>
                <BigButton onClick={() => setVolunteerId(v.volunteerId)}>查看{v.name}的积分</BigButton>
              </View>
            ))}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
