import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { LoadMore } from '../../../components/load-more';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { usePagedList } from '../../../services/use-paged-list';
import { useSubmit } from '../../../services/use-submit';
import { householdUrl } from '../shared/links';
import { ConfirmForm } from './confirm-form';

/**
 * 待确认的户况变动 (issue 15 item 5): changes a visit, a patrol finding or a 人口房屋变动 case (a resident's
 * too: then only the address they wrote) noted, waiting for the grid's worker — 确认登记 opens the form
 * that applies it to the household (its 交接单 then goes to the community), 忽略 drops it (nothing
 * changed). Oldest deadline first.
 */
export default function DraftsPage() {
  const list = usePagedList((after) => call('register', 'drafts', { limit: 30, ...(after ? { after } : {}) }), 'items');
  const submit = useSubmit();
  const [open, setOpen] = useState<string | null>(null);
  const dismiss = async (changeId: string, expectedVersion: number) => {
    const done = await submit.run(() => call('register', 'dismissChange', { changeId, expectedVersion, reason: '核实后无变动' }));
    if (done) list.reload();
  };
  return (
    <PageShell title='待确认的户况变动'>
      {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
      <QueryView state={list.state.status === 'ready' ? { status: 'ready', data: list.state } : list.state} onRetry={list.reload}>
        {(s) => {
          const editing = s.items.find((c) => c.changeId === open);
          if (editing) {
            return (
              <ConfirmForm
                key={editing.changeId}
                draft={editing}
                onCancel={() => setOpen(null)}
                onDone={() => {
                  setOpen(null);
                  void Taro.showToast({ title: '已登记', icon: 'success' });
                  list.reload();
                }}
              />
            );
          }
          return (
            <>
              {s.items.length === 0 && (
                <Section heading='没有待确认的变动'>
                  <View className='section__text'>走访、巡查或事件上报中记下的户况变动会出现在这里，由您确认后登记到户。</View>
                </Section>
              )}
              {s.items.map((c) => (
                <Section key={c.changeId} heading={c.summary}>
                  <View className='section__text'>{`${c.sourceLabel} · ${c.kindLabel} · 发生于 ${c.occurredOn} · 登记期限 ${c.dueAt.slice(0, 10)}`}</View>
                  {c.reportedAddress && <View className='section__text'>{`居民所填地址：${c.reportedAddress}（确认时选择住户）`}</View>}
                  <View className='section__actions'>
                    <BigButton kind='primary' disabled={submit.busy} onClick={() => setOpen(c.changeId)}>
                      {`确认登记（${c.summary}）`}
                    </BigButton>
                    <BigButton disabled={submit.busy} onClick={() => void dismiss(c.changeId, c.version)}>
                      {`忽略（${c.summary}）`}
                    </BigButton>
                    {c.householdId && <BigButton onClick={() => void Taro.navigateTo({ url: householdUrl(c.householdId!) })}>查看这一户</BigButton>}
                  </View>
                </Section>
              ))}
              <LoadMore shown={s.items.length} next={s.next} more={s.more} onMore={list.loadMore} unit='条' />
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
