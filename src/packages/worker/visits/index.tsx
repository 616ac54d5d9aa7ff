import { useEffect } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { LoadMore } from '../../../components/load-more';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { PARTNER_KIND_LABELS, SIX_MUST_GROUP_LABELS, VISIT_KIND_LABELS } from '../../../domain/worklog/visit';
import { call } from '../../../services/call';
import { flushQueue, flushWhenOnline, loadQueue, usePendingLabel } from '../../../services/offline-queue';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { chinaDateTime, DUE_URL, VISIT_NEW_URL } from '../worklog-shared/links';
import '../worklog-shared/worklog.scss';

/** 走访记录: the worker's own visits, newest first, and the way to record one. */
export default function VisitsPage() {
  // 走访记录 grows every week: pages of 30 with 加载更多, never cut off (issue 8 item 9).
  const list = usePagedList((after) => call('worklog', 'myVisits', { limit: 30, ...(after ? { after } : {}) }), 'visits');
  const reload = list.reload;
  const pending = usePendingLabel();
  // Visits saved offline go up when the network returns, and the list then shows them.
  useEffect(() => {
    if (loadQueue().items.length > 0) void flushQueue().then(reload);
    return flushWhenOnline();
  }, []);
  return (
    <PageShell title='走访记录'>
      <View className='section__actions'>
        <BigButton kind='primary' onClick={() => void Taro.navigateTo({ url: VISIT_NEW_URL })}>
          记录一次走访
        </BigButton>
        <BigButton onClick={() => void Taro.navigateTo({ url: DUE_URL })}>看看待走访</BigButton>
      </View>
      {pending.label !== '' && (
        <View className='section__text' role='status'>
          {pending.label}
        </View>
      )}
      <QueryView state={asQuery(list.state)} onRetry={reload}>
        {({ items: visits, next, more }) => (
          <Section heading='我的走访'>
            {visits.length === 0 && <View className='section__text'>还没有走访记录。</View>}
            {visits.map((v) => (
              <View key={v.visitId} className='wl-row'>
                <View className='wl-row__title'>
                  {VISIT_KIND_LABELS[v.kind]}
                  {v.group ? `（${SIX_MUST_GROUP_LABELS[v.group]}）` : ''}：{v.targetLabel}
                </View>
                <View className='wl-row__meta'>
                  {chinaDateTime(v.visitedAt)} · {PARTNER_KIND_LABELS[v.partner.kind]}
                  {v.partner.name ? ` ${v.partner.name}` : ''}
                </View>
                <View className='section__text'>{v.notes}</View>
              </View>
            ))}
            {visits.length > 0 && <LoadMore shown={visits.length} next={next} more={more} onMore={list.loadMore} unit='条' />}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
