import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
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
  const { state, reload } = useQuery(() => call('volunteer', 'activities', { state: 'published' }));
  return (
    <PageShell title='活动签到'>
      <QueryView state={state} onRetry={reload}>
        {({ activities }) => {
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
              </Section>
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
