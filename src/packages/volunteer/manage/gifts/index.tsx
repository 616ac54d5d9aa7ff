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
import type { GiftView } from '../../shared/types';
import { GiftForm } from './gift-form';
import '../../shared/volunteer.scss';

/** The community's gift catalogue (001 L889 具体兑换方案由各社区制定): add a gift, change cost, stock, on/off shelf. */
export default function ManageGiftsPage() {
  const communityId = useRouter().params.communityId ?? '';
  const [editing, setEditing] = useState<GiftView | 'new' | null>(null);
  const list = usePagedList((after) => call('volunteer', 'gifts', { communityId, ...(after ? { after } : {}) }), 'gifts');
  const reload = list.reload;
  const done = () => {
    setEditing(null);
    reload();
  };
  if (editing) {
    return (
      <PageShell title='礼品目录'>
        <GiftForm key={editing === 'new' ? 'new' : editing.giftId} communityId={communityId} gift={editing === 'new' ? null : editing} onDone={done} />
        <BigButton onClick={() => setEditing(null)}>返回礼品目录</BigButton>
      </PageShell>
    );
  }
  return (
    <PageShell title='礼品目录'>
      <QueryView state={asQuery(list.state)} onRetry={reload}>
        {({ items: gifts, next, total, more }) => (
          <Section heading={`礼品（${total ?? gifts.length} 项）`}>
            <BigButton kind='primary' onClick={() => setEditing('new')}>
              新增礼品
            </BigButton>
            {gifts.length === 0 && <View className='section__text'>还没有礼品。</View>}
            {gifts.map((g) => (
              <View key={g.giftId} className='vol-row'>
                <View className='vol-row__title'>{g.name}</View>
                <View className='vol-row__meta'>
                  {g.pointsCost} 分 · 库存 {g.stock} 件 · {g.active ? '已上架' : '已下架'}
                </View>
                <BigButton onClick={() => setEditing(g)}>修改{g.name}</BigButton>
              </View>
            ))}
            <LoadMore shown={gifts.length} next={next} total={total} more={more} onMore={list.loadMore} unit='项' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
