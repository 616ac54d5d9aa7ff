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
import { dutiesText } from './duties';
import { FlagsForm } from './flags-form';
import '../../shared/volunteer.scss';
import '../shared/manage.scss';

/** Community staff: the community's volunteers, and who is 楼栋长 / 单元长 / 信息协管员 (PRODUCT.md §8). */
export default function RosterPage() {
  const communityId = useRouter().params.communityId ?? '';
  const [editing, setEditing] = useState('');
  const list = usePagedList((after) => call('volunteer', 'volunteers', { communityId, ...(after ? { after } : {}) }), 'volunteers');
  const reload = list.reload;
  return (
    <PageShell title='志愿者名册与职务'>
      <QueryView state={asQuery(list.state)} onRetry={reload}>
        {({ items: volunteers, next, total, more }) => (
          <Section heading={`${volunteers[0]?.communityName ?? '本社区'}志愿者（${total ?? volunteers.length} 人）`}>
            <View className='section__help'>楼栋长、单元长、信息协管员也是志愿者，由社区在这里登记。</View>
            {volunteers.length === 0 && <View className='section__text'>还没有登记的志愿者。</View>}
            {volunteers.map((v) => (
              <View key={v.volunteerId} className='vol-row' data-testid={`roster-${v.volunteerId}`}>
                <View className='vol-row__title'>{v.name}</View>
                <View className='vol-row__meta'>
                  {v.phone}
                  {v.building ? ` · ${v.building}` : ''}
                  {v.skills.length > 0 ? ` · 特长：${v.skills.join('、')}` : ''}
                </View>
                <View className='vol-duties'>{dutiesText(v.flags)}</View>
                {editing === v.volunteerId ? (
                  <FlagsForm
                    volunteer={v}
                    onCancel={() => setEditing('')}
                    onDone={() => {
                      setEditing('');
                      reload();
                    }}
                  />
                ) : (
                  <BigButton onClick={() => setEditing(v.volunteerId)}>修改{v.name}的职务</BigButton>
                )}
              </View>
            ))}
            <LoadMore shown={volunteers.length} next={next} total={total} more={more} onMore={list.loadMore} unit='人' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
