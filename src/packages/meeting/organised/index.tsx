import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { timeRangeText } from '../../volunteer/shared/china-time-text';
import { meetingUrl, SCHEDULE_URL } from '../shared/links';
import '../shared/meeting.scss';

/** 组织的会议: the meetings of the caller's community (or street), newest first; each opens its attendance. */
export default function OrganisedPage() {
  const { state, reload } = useQuery(() => call('meeting', 'organised', { limit: 30 }));
  return (
    <PageShell title='组织的会议'>
      <View className='section__actions'>
        <BigButton kind='primary' onClick={() => void Taro.navigateTo({ url: SCHEDULE_URL })}>
          安排新会议
        </BigButton>
      </View>
      <QueryView state={state} onRetry={reload}>
        {({ meetings }) => (
          <Section heading='会议'>
            {meetings.length === 0 && <View className='section__text'>还没有安排过会议。</View>}
            {meetings.map((m) => (
              <View key={m.meetingId} className='mt-row'>
                <View className='mt-row__title'>
                  {m.title}
                  {m.cancelled ? '（已取消）' : m.ended ? '（已结束）' : ''}
                </View>
                <View className='mt-row__meta'>
                  {timeRangeText(m.startAt, m.endAt)} · {m.place} · 应到 {m.attendeeCount} 人
                </View>
                <BigButton onClick={() => void Taro.navigateTo({ url: meetingUrl(m.meetingId) })}>到会情况：{m.title}</BigButton>
              </View>
            ))}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
