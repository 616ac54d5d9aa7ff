import { View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerActivityCard } from '../../../components/volunteer-activity-card';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { activityFacts } from '../shared/activity-facts';
import { activityPath, activityShareTitle } from '../shared/share';
import { QueryView } from '../../../components/query-view';
import { SignUpActions } from './sign-up-actions';
import '../shared/volunteer.scss';

/** One activity for a volunteer: what, when, where, points; sign up, cancel, or go and check in. */
export default function ActivityPage() {
  const activityId = useRouter().params.activityId ?? '';
  const { state, reload } = useQuery(() => call('volunteer', 'activity', { activityId }));
  useShareAppMessage(() => ({
    title: state.status === 'ready' ? activityShareTitle(state.data) : '志愿活动',
    path: activityPath(activityId),
  }));
  return (
    <PageShell title='活动详情'>
      <QueryView state={state} onRetry={reload}>
        {(a) => (
          <>
            <Section heading={a.communityName}>
              <VolunteerActivityCard facts={activityFacts(a)} />
              <View className='section__text'>{a.content}</View>
              <View className='section__help'>积分类别：{a.ruleLabel}</View>
            </Section>
            <SignUpActions activity={a} onChanged={reload} />
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
