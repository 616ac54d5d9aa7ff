import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { timeRangeText } from '../../volunteer/shared/china-time-text';
import { meetingUrl } from '../shared/links';
import { canScan, scanMeetingCode } from '../shared/scan';
import { StatusBadge } from '../shared/status-badge';
import '../shared/meeting.scss';

/** 我的会议: the meetings the caller is invited to, newest first; each opens its page to sign in or ask leave. */
export default function MyMeetingsPage() {
  const { state, reload } = useQuery(() => call('meeting', 'mine', { limit: 30 }));

  // weapp: one scan names the meeting and carries its code; the meeting page signs in with it.
  const scan = async () => {
    const scanned = await scanMeetingCode();
    if (!scanned) {
      await Taro.showToast({ title: '这不是会议签到码', icon: 'none' });
      return;
    }
    await Taro.navigateTo({ url: `${meetingUrl(scanned.meetingId)}&code=${encodeURIComponent(scanned.code)}` });
  };

  return (
    <PageShell title='我的会议'>
      {canScan && (
        <View className='section__actions'>
          <BigButton kind='primary' onClick={() => void scan()}>
            扫码签到
          </BigButton>
        </View>
      )}
      <QueryView state={state} onRetry={reload}>
        {({ meetings }) => (
          <Section heading='通知我参加的会议'>
            {meetings.length === 0 && <View className='section__text'>目前没有通知您参加的会议。</View>}
            {meetings.map((m) => (
              <View key={m.meetingId} className='mt-row'>
                <View className='mt-row__title'>
                  {m.title}
                  {m.cancelled ? '（已取消）' : ''}
                </View>
                <View className='mt-row__meta'>
                  {timeRangeText(m.startAt, m.endAt)} · {m.place}
                </View>
                <View className='mt-row__meta'>
                  <StatusBadge status={m.mine.status} label={m.mine.statusLabel} />
                </View>
                <BigButton onClick={() => void Taro.navigateTo({ url: meetingUrl(m.meetingId) })}>
                  {m.mine.status === 'expected' && !m.cancelled ? `签到或请假：${m.title}` : `查看：${m.title}`}
                </BigButton>
              </View>
            ))}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
