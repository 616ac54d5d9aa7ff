import { useEffect } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { formatTime } from '../../components/case-view/format-time';
import { call } from '../../services/call';
import { asQuery, usePagedList } from '../../services/use-paged-list';
import { LoadMore } from '../../components/load-more';
import { messageUrl } from './links';

/**
 * 消息: every notification addressed to the user, whether or not WeChat delivered it (a WeChat message
 * needs a subscription per message; this list does not). Opening the page marks them read. Newest first, a
 * page at a time (issue 8 item 9).
 */
export default function MessagesPage() {
  const list = usePagedList((after) => call('case', 'notifications', after ? { after } : {}), 'items');
  const unread = list.state.status === 'ready' ? list.state.page.unread : 0;
  useEffect(() => {
    if (unread > 0) void call('case', 'readNotifications', {}).catch(() => undefined);
  }, [unread]);
  return (
    <PageShell title='消息'>
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {({ items, next, total, more }) =>
          items.length === 0 ? (
            <Section heading='暂无消息'>
              <View className='section__text'>您上报的事件有进展、有事件要您办理时，消息会出现在这里。</View>
            </Section>
          ) : (
            <Section heading={unread > 0 ? `${unread} 条未读` : '全部已读'}>
              {items.map((n) => {
                const url = messageUrl(n.kind, n.caseId ?? n.activityId);
                return (
                  <View key={n.id} className='section__text' role={url ? 'link' : undefined} onClick={url ? () => void Taro.navigateTo({ url }) : undefined}>
                    <View className='section__heading'>
                      {n.read ? '' : '【未读】'}
                      {n.title}
                    </View>
                    <View>{n.body}</View>
                    <View className='section__help'>{formatTime(n.createdAt)}</View>
                  </View>
                );
              })}
              <LoadMore shown={items.length} next={next} total={total} more={more} onMore={list.loadMore} unit='条' />
            </Section>
          )
        }
      </QueryView>
    </PageShell>
  );
}
