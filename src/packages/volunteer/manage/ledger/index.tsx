import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { asQuery, usePagedList } from '../../../../services/use-paged-list';
import { LoadMore } from '../../../../components/load-more';
import { QueryView } from '../../../../components/query-view';
import { VolunteerLedger } from './volunteer-ledger';
import '../../shared/volunteer.scss';

/** Staff: pick a volunteer of the community, see their ledger, correct an entry with a reason. */
export default function ManageLedgerPage() {
  const communityId = useRouter().params.communityId ?? '';
  const [volunteerId, setVolunteerId] = useState('');
  const list = usePagedList((after) => call('volunteer', 'volunteers', { communityId, ...(after ? { after } : {}) }), 'volunteers');
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
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {(s) => (
          <Section heading={`本社区志愿者（${s.total ?? s.items.length} 人）`}>
            {s.items.length === 0 && <View className='section__text'>还没有登记的志愿者。</View>}
            {s.items.map((v) => (
              <View key={v.volunteerId} className='vol-row'>
                <View className='vol-row__title'>{v.name}</View>
                <View className='vol-row__meta'>
                  {v.phone}
                  {v.building ? ` · ${v.building}` : ''}
                </View>
                <BigButton onClick={() => setVolunteerId(v.volunteerId)}>查看{v.name}的积分</BigButton>
              </View>
            ))}
            <LoadMore shown={s.items.length} next={s.next} total={s.total} more={s.more} onMore={list.loadMore} unit='人' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
