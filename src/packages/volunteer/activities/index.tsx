import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { LoadMore } from '../../../components/load-more';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerActivityCard } from '../../../components/volunteer-activity-card';
import { call } from '../../../services/call';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { activityFacts } from '../shared/activity-facts';
import { go } from '../shared/go';
import { QueryView } from '../../../components/query-view';
import '../shared/volunteer.scss';

/** The community's published activities, soonest first, a page at a time; each opens its detail page to sign up. */
export default function ActivitiesPage() {
  const list = usePagedList((after) => call('volunteer', 'activities', { state: 'published', order: 'soonest', ...(after ? { after } : {}) }), 'activities');
  return (
    <PageShell title='志愿活动'>
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {(s) => (
          <Section heading='正在报名的活动'>
            {s.items.length === 0 && <View className='section__text'>现在没有可报名的活动。社区发布新活动后会显示在这里。</View>}
            {s.items.map((a) => (
              <VolunteerActivityCard key={a.activityId} facts={activityFacts(a)}>
                <BigButton kind={a.mine === 'none' ? 'primary' : 'default'} onClick={() => go('activity', { activityId: a.activityId })}>
                  {a.mine === 'none' ? `查看并报名：${a.title}` : `查看：${a.title}`}
                </BigButton>
              </VolunteerActivityCard>
            ))}
            <LoadMore shown={s.items.length} next={s.next} total={s.total} more={s.more} onMore={list.loadMore} unit='项' />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
