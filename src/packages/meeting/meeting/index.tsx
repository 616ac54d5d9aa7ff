import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { timeRangeText } from '../../volunteer/shared/china-time-text';
import { AttendeePart } from './attendee-part';
import { OrganiserPart } from './organiser-part';
import '../shared/meeting.scss';

/**
 * One meeting. An invited person signs in (scanned code arrives as `code` in the URL) or asks leave; the
 * organising staff see the code to show the room, who came, and decide leave. The function decides which
 * part the caller gets.
 */
export default function MeetingPage() {
  const params = useRouter().params;
  const meetingId = decodeURIComponent(params.meetingId ?? '');
  const scannedCode = params.code ? decodeURIComponent(params.code) : '';
  // Opened without a meeting (a stale link): nothing to ask the function.
  const { state, reload } = useQuery(() => (meetingId ? call('meeting', 'meeting', { meetingId }) : Promise.resolve<ActionOutput<'meeting', 'meeting'>>({})));
  if (meetingId === '') {
    return (
      <PageShell title='会议'>
        <View className='section__text'>请从“我的会议”或“组织的会议”里打开一次会议。</View>
      </PageShell>
    );
  }
  return (
    <PageShell title='会议'>
      <QueryView state={state} onRetry={reload}>
        {({ organised, mine }) => {
          const m = organised ?? mine;
          if (!m) return <View className='section__text'>没有找到这次会议。</View>;
          return (
            <>
              <Section heading={`${m.title}${m.cancelled ? '（已取消）' : ''}`}>
                <View className='section__text'>
                  {m.kindLabel} · {timeRangeText(m.startAt, m.endAt)}
                </View>
                <View className='section__text'>地点：{m.place}</View>
                <View className='section__text'>组织人：{m.organiserName}</View>
                {m.note !== '' && <View className='section__text'>说明：{m.note}</View>}
              </Section>
              {mine && <AttendeePart meeting={mine} scannedCode={scannedCode} onChanged={reload} />}
              {organised && <OrganiserPart meeting={organised} onChanged={reload} />}
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
