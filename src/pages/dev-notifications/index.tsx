import { Text, View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { formatTime } from '../../components/case-view/format-time';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { useQuery } from '../../services/use-query';
import { listOutbox, STATUS_LABELS, type OutboxRow } from './outbox';
import './index.scss';

/**
 * Local builds only (see app.config.ts): the subscribe messages the app queued and what became of them
 * — in production they go to WeChat; locally this page is where a developer sees them (issue 4 item 7).
 */
export default function DevNotificationsPage() {
  const { state, reload } = useQuery(listOutbox);
  return (
    <PageShell title='通知发送记录'>
      <Section heading='最近的订阅消息'>
        <View className='section__help'>仅本地调试可见，正式版没有此页面。每分钟由通知定时任务发送。</View>
        {state.status === 'loading' && <View className='section__text'>正在加载…</View>}
        {state.status === 'failed' && (
          <View className='section__error' role='alert'>
            {state.error.message}
          </View>
        )}
        {state.status === 'ready' && state.data.length === 0 && <View className='section__text'>还没有任何通知。</View>}
        {state.status === 'ready' && state.data.length > 0 && (
          <View className='outbox__list' role='list'>
            {state.data.map((row) => (
              <OutboxItem key={row.id} row={row} />
            ))}
          </View>
        )}
        <View className='section__actions'>
          <BigButton kind='primary' onClick={reload}>
            刷新
          </BigButton>
        </View>
      </Section>
    </PageShell>
  );
}

function OutboxItem({ row }: { row: OutboxRow }) {
  const status = STATUS_LABELS[row.status] ?? row.status;
  const failure = row.status === 'failed' && row.errcode !== null ? `（错误码 ${row.errcode}，已尝试 ${row.attempts} 次）` : '';
  return (
    <View className='outbox__item' role='listitem'>
      <View className='outbox__title'>{row.title || row.template}</View>
      <Line label='接收人' value={row.recipientName ? `${row.recipientName}（${row.openid ?? '无 openid'}）` : '未知用户'} />
      <Line label='模板' value={row.template} />
      <Line label='事件状态' value={row.caseState ?? '—'} />
      <Line label='生成时间' value={row.createdAt ? formatTime(row.createdAt) : '—'} />
      {row.sentAt && <Line label='发送时间' value={formatTime(row.sentAt)} />}
      <View className='outbox__line'>
        <Text className='outbox__label'>发送状态：</Text>
        <Text className={`outbox__status outbox__status--${row.status}`}>
          {status}
          {failure}
        </Text>
      </View>
      {row.body && <Line label='内容' value={row.body} />}
    </View>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className='outbox__line'>
      <Text className='outbox__label'>{label}：</Text>
      <Text>{value}</Text>
    </View>
  );
}
