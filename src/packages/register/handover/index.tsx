import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { LoadMore } from '../../../components/load-more';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';

/** 信息交接单 (000 L35): the changes of the caller's scope; the community line owner acknowledges them. */
export default function HandoverPage() {
  // Pages of 30 with 加载更多: a busy community's 交接单 are never cut off (issue 8 item 9).
  const list = usePagedList((after) => call('register', 'changes', { limit: 30, ...(after ? { after } : {}) }), 'items');
  const me = useQuery(() => call('user', 'me', {}));
  const canAcknowledge = me.state.status === 'ready' && me.state.data.roles.some((g) => g.role === 'community_staff');
  const reload = list.reload;
  const submit = useSubmit();
  const acknowledge = async (changeId: string, expectedVersion: number) => {
    const done = await submit.run(() => call('register', 'acknowledgeHandover', { changeId, expectedVersion, reply: '已收到并更新底册' }));
    if (done) reload();
  };
  return (
    <PageShell title='信息交接单'>
      <QueryView state={asQuery(list.state)} onRetry={reload}>
        {({ items, next, more }) => (
          <>
            {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
            {items.length === 0 && <Section heading='没有交接单'><View className='section__text'>暂无信息变动。</View></Section>}
            {items.map((c) => (
              <Section key={c.changeId} heading={c.summary}>
                <View className='section__text'>{`${c.kindLabel} · 发生于 ${c.occurredOn}`}</View>
                <View className='section__text' data-testid='handover-state'>
                  {c.handoverState === 'acknowledged' ? `已签收${c.acknowledgedByName ? `（${c.acknowledgedByName}）` : ''}${c.reply ? `：${c.reply}` : ''}` : `待社区签收，期限 ${c.handoverDueAt.slice(0, 10)}`}
                </View>
                {canAcknowledge && c.handoverState === 'pending' && (
                  <BigButton kind='primary' disabled={submit.busy} onClick={() => void acknowledge(c.changeId, c.version)}>
                    {`签收（${c.summary}）`}
                  </BigButton>
                )}
              </Section>
            ))}
            {items.length > 0 && <LoadMore shown={items.length} next={next} more={more} onMore={list.loadMore} unit='条' />}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
