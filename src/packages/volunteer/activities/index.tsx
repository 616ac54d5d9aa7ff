import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerActivityCard } from '../../../components/volunteer-activity-card';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { activityFacts } from '../shared/activity-facts';
import { go } from '../shared/go';
import { QueryView } from '../../../components/query-view';
import '../shared/volunteer.scss';

/** The community's published activities, soonest first; each opens its detail page to sign up. */
export default function ActivitiesPage() {
  const { state, reload } = useQuery(() => call('volunteer', 'activities', { state: 'published' }));
  return (
    <PageShell title='志愿活动'>
      <QueryView state={state} onRetry={reload}>
        {({ activities }) => (
          <Section heading='正在报名的活动'>
            {activities.length === 0 && <View className='section__text'>现在没有可报名的活动。社区发布新活动后会显示在这里。</View>}
            {[...activities]
              .sort((a, b) => a.startAt.localeCompare(b.startAt))
              .map((a) => (
                <VolunteerActivityCard key={a.activityId} facts={activityFacts(a)}>
                  <BigButton kind={a.mine === 'none' ? 'primary' : 'default'} onClick={() => go('activity', { activityId: a.activityId })}>
                    {a.mine === 'none' ? `查看并报名：${a.title}` : `查看：${a.title}`}
                  </BigButton>
                </VolunteerActivityCard>
              ))}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
