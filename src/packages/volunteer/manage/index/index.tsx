import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../../components/big-button';
import { CaseChoice } from '../../../../components/case-choice';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { VolunteerActivityCard } from '../../../../components/volunteer-activity-card';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { asQuery, usePagedList } from '../../../../services/use-paged-list';
import { LoadMore } from '../../../../components/load-more';
import { activityFacts } from '../../shared/activity-facts';
import { QueryView } from '../../../../components/query-view';
import { useReloadOn } from '../../shared/use-reload-on';
import { goManage } from '../shared/go-manage';
import { staffCommunities } from '../shared/staff-communities';
import { ExportSection } from './export-section';
import { StreetSection } from './street-section';
import '../../shared/volunteer.scss';

/** Community staff: the community's activities (every state) and the entries to gifts, pickups, corrections, exports. */
export default function ManageHomePage() {
  const [picked, setPicked] = useState('');
  const { state, reload } = useQuery(async () => {
    const [communities, me] = await Promise.all([staffCommunities(), call('user', 'me', {})]);
    const communityId = picked || communities[0]?.communityId || '';
    const street = me.roles.some((g) => g.role === 'street_staff' || g.role === 'admin');
    return { communities, communityId, street };
  });
  useReloadOn([picked], reload);
  return (
    <PageShell title='志愿活动管理'>
      <QueryView state={state} onRetry={reload}>
        {({ communities, communityId, street }) => (
          <>
            {street && <StreetSection />}
            {communities.length === 0 && !street && (
              <Section heading='没有可管理的社区'>
                <View className='section__text'>您不是社区工作人员，不能管理志愿活动。</View>
              </Section>
            )}
            {communities.length > 1 && (
              <Section heading='选择社区'>
                <CaseChoice label='社区' options={communities.map((c) => ({ value: c.communityId, label: c.name }))} value={communityId} onChange={setPicked} />
              </Section>
            )}
            {communityId !== '' && (
              <>
                <CommunityActivities key={communityId} communityId={communityId} />
                <Section heading='积分与礼品'>
                  <View className='section__actions'>
                    <BigButton onClick={() => goManage('redemptions', { communityId })}>礼品领取登记</BigButton>
                    <BigButton onClick={() => goManage('gifts', { communityId })}>礼品目录</BigButton>
                    <BigButton onClick={() => goManage('ledger', { communityId })}>积分台账与更正</BigButton>
                    <BigButton onClick={() => goManage('roster', { communityId })}>志愿者名册与职务</BigButton>
                  </View>
                </Section>
                <ExportSection communityId={communityId} />
              </>
            )}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}

/** The community's activities, every state, newest start first, a page at a time (issue 8 item 9). */
function CommunityActivities({ communityId }: { communityId: string }) {
  const list = usePagedList((after) => call('volunteer', 'activities', { communityId, ...(after ? { after } : {}) }), 'activities');
  return (
    <Section heading='志愿活动'>
      <BigButton kind='primary' onClick={() => goManage('activity-edit', { communityId })}>
        发布新活动
      </BigButton>
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {(s) => (
          <>
            {s.items.length === 0 && <View className='section__text'>还没有活动。</View>}
            {s.items.map((a) => (
              <VolunteerActivityCard key={a.activityId} facts={{ ...activityFacts(a), tag: stateTag(a.state) }}>
                <BigButton onClick={() => goManage('activity', { activityId: a.activityId })}>管理：{a.title}</BigButton>
              </VolunteerActivityCard>
            ))}
            <LoadMore shown={s.items.length} next={s.next} total={s.total} more={s.more} onMore={list.loadMore} unit='项' />
          </>
        )}
      </QueryView>
    </Section>
  );
}

const STATE_TAGS = {
  draft: { text: '草稿（未发布）', tone: 'warn' },
  published: { text: '已发布', tone: 'good' },
  cancelled: { text: '已取消', tone: 'off' },
  completed: { text: '已完成', tone: 'plain' },
} as const;

function stateTag(state: keyof typeof STATE_TAGS) {
  return STATE_TAGS[state];
}
