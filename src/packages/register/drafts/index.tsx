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

/**
 * 待确认的户况变动 (issue 15 item 5): changes a visit or a 人口房屋变动 case noted, waiting for the
 * grid's worker — 确认登记 records it (its 交接单 then goes to the community), 忽略 drops it (nothing
 * changed). Oldest deadline first.
 */
export default function DraftsPage() {
  const list = usePagedList((after) => call('register', 'drafts', { limit: 30, ...(after ? { after } : {}) }), 'items');
  const submit = useSubmit();
  const act = async (action: 'confirmChange' | 'dismissChange', changeId: string, expectedVersion: number) => {
    const done = await submit.run(() => (action === 'confirmChange' ? call('register', 'confirmChange', { changeId, expectedVersion }) : call('register', 'dismissChange', { changeId, expectedVersion, reason: '核实后无变动' })));
    if (done) list.reload();
  };
  return (
    <PageShell title='待确认的户况变动'>
      {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
      <QueryView state={list.state.status === 'ready' ? { status: 'ready', data: list.state } : list.state} onRetry={list.reload}>
        {(s) => (
          <>
            {s.items.length === 0 && (
              <Section heading='没有待确认的变动'>
                <View className='section__text'>走访或事件上报中记下的户况变动会出现在这里，由您确认后登记。</View>
              </Section>
            )}
            {s.items.map((c) => (
              <Section key={c.changeId} heading={c.summary}>
                <View className='section__text'>{`${c.sourceLabel} · 发生于 ${c.occurredOn} · 登记期限 ${c.dueAt.slice(0, 10)}`}</View>
                <View className='section__actions'>
                  <BigButton kind='primary' disabled={submit.busy} onClick={() => void act('confirmChange', c.changeId, c.version)}>
                    {`确认登记（${c.summary}）`}
                  </BigButton>
                  <BigButton disabled={submit.busy} onClick={() => void act('dismissChange', c.changeId, c.version)}>
                    {`忽略（${c.summary}）`}
                  </BigButton>
                  <BigButton onClick={() => void Taro.navigateTo({ url: householdUrl(c.householdId) })}>查看这一户</BigButton>
                </View>
              </Section>
            ))}
            <LoadMore shown={s.items.length} next={s.next} more={s.more} onMore={list.loadMore} unit='条' />
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
