import { useState } from 'react';
import { View } from '@tarojs/components';
import { CaseChoice } from '../../../components/case-choice';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerRankList } from '../../../components/volunteer-rank-list';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { monthLabel, recentMonths } from '../shared/months';
import { QueryView } from '../../../components/query-view';
import { useReloadOn } from '../shared/use-reload-on';
import '../shared/volunteer.scss';

/** 一月一公示 (001 L885): everyone's points in my community for a month. */
export default function PublicationPage() {
  // The month starts as the server's current month (from the first answer), not the phone's.
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [serverMonth, setServerMonth] = useState<string | undefined>(undefined);
  const months = recentMonths(3, serverMonth);
  const { state, reload } = useQuery(async () => {
    const [{ profile }, me] = await Promise.all([call('volunteer', 'profile', {}), call('user', 'me', {})]);
    const communityId = profile?.communityId ?? me.roles.find((r) => r.communityId)?.communityId;
    if (!communityId) return { publication: null, myId: '' };
    const publication = await call('volunteer', 'publication', month ? { communityId, month } : { communityId });
    if (!month) setServerMonth(publication.month);
    return { publication, myId: profile?.volunteerId ?? '' };
  });
  useReloadOn([month], reload);
  return (
    <PageShell title='每月积分公示'>
      <Section heading='选月份'>
        <CaseChoice label='月份' options={months} value={month ?? serverMonth ?? months[0].value} onChange={setMonth} columns={1} />
      </Section>
      <QueryView state={state} onRetry={reload}>
        {({ publication, myId }) =>
          publication ? (
            <Section heading={`${publication.communityName} ${monthLabel(publication.month)}积分公示`}>
              <View className='section__help'>每月公示一次，按当月得到的积分排列。对积分有疑问，请联系社区。</View>
              <VolunteerRankList
                rows={publication.rows.map((r, i) => ({ rank: i + 1, name: r.name, points: r.points, isMe: r.volunteerId === myId }))}
                emptyText='这个月还没有积分记录。'
              />
            </Section>
          ) : (
            <Section heading='还没有所在社区'>
              <View className='section__text'>请先填写志愿者资料，选好所在社区。</View>
            </Section>
          )
        }
      </QueryView>
    </PageShell>
  );
}
