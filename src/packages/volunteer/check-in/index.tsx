import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { LoadMore } from '../../../components/load-more';
import { timeRangeText } from '../shared/china-time-text';
import { QueryView } from '../../../components/query-view';
import { CheckInForm } from './check-in-form';
import '../shared/volunteer.scss';

/**
 * 活动签到 at the place. Opened from an activity (its id in the URL) or from home, where the volunteer
 * picks one of the activities they signed up for (weapp can also scan straight away: the code names the activity).
 */
export default function CheckInPage() {
  const fromUrl = useRouter().params.activityId ?? '';
  const [picked, setPicked] = useState(fromUrl);
  const list = usePagedList((after) => call('volunteer', 'activities', { state: 'published', order: 'soonest', signedUp: true, ...(after ? { after } : {}) }), 'activities');
  const reload = list.reload;
  return (
    <PageShell title='活动签到'>
      <QueryView state={asQuery(list.state)} onRetry={reload}>
        {(s) => {
          const activities = s.items;
          const mine = activities.filter((a) => a.mine !== 'none');
          const chosen = activities.find((a) => a.activityId === picked);
          if (chosen) return <CheckInForm activity={chosen} onDone={reload} />;
          return (
            <>
              <CheckInForm activity={null} onDone={reload} />
              <Section heading='我报名的活动'>
                {mine.length === 0 && <View className='section__text'>您还没有报名活动。先到“报名参加活动”里报名。</View>}
                {mine.map((a) => (
                  <View key={a.activityId} className='vol-row'>
                    <View className='vol-row__title'>{a.title}</View>
                    <View className='vol-row__meta'>
                      {timeRangeText(a.startAt, a.endAt)} · {a.place}
                    </View>
                    {a.mine === 'checked_in' ? (
                      <View className='vol-done'>✓ 已签到</View>
                    ) : (
                      <BigButton onClick={() => setPicked(a.activityId)}>签到：{a.title}</BigButton>
                    )}
                  </View>
                ))}
                <LoadMore shown={s.items.length} next={s.next} total={s.total} more={s.more} onMore={list.loadMore} unit='项' />
              </Section>
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
