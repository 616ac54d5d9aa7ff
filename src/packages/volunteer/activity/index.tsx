import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerActivityCard } from '../../../components/volunteer-activity-card';
import { activityFacts } from '../shared/activity-facts';
import { useSharedActivity } from '../shared/use-shared-activity';
import { QueryView } from '../../../components/query-view';
import { SignUpActions } from './sign-up-actions';
import '../shared/volunteer.scss';

/** One activity for a volunteer: what, when, where, points; sign up, cancel, or go and check in. */
export default function ActivityPage() {
  const { state, reload } = useSharedActivity();
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
