import { isOpenActivity, stateAllows } from '../../../../domain/volunteer/activity-rules';
import { View } from '@tarojs/components';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { VolunteerActivityCard } from '../../../../components/volunteer-activity-card';
import { activityFacts } from '../../shared/activity-facts';
import { QueryView } from '../../../../components/query-view';
import { useSharedActivity } from '../../shared/use-shared-activity';
import { ActivityStateActions } from './state-actions';
import { AttendanceSection } from './attendance-section';
import { ShareSection } from './share-section';
import '../../shared/volunteer.scss';

/** The organiser's page: publish, share to the volunteer group, the check-in code, who came, confirm completion. */
export default function ManageActivityPage() {
  // The share card opens the volunteers' page of the activity, where they sign up.
  const { state, reload } = useSharedActivity();
  return (
    <PageShell title='管理志愿活动'>
      <QueryView state={state} onRetry={reload}>
        {(a) => (
          <>
            <Section heading={a.communityName}>
              <VolunteerActivityCard facts={activityFacts({ ...a, mine: 'none' })} />
              <View className='section__text'>{a.content}</View>
              <View className='section__help'>积分规则：{a.ruleLabel}</View>
            </Section>
            {isOpenActivity(a) && <ShareSection activity={a} />}
            {stateAllows('complete', a) && <AttendanceSection activity={a} onChanged={reload} />}
            <ActivityStateActions activity={a} onChanged={reload} />
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
