import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerPoints } from '../../../components/volunteer-points';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { go } from '../shared/go';
import { QueryView } from '../../../components/query-view';
import '../shared/volunteer.scss';

/** 志愿服务 home: my points at a glance, then one big button per thing a volunteer does. */
export default function VolunteerHomePage() {
  const { state, reload } = useQuery(async () => {
    const [{ profile }, points] = await Promise.all([call('volunteer', 'profile', {}), call('volunteer', 'myPoints', {})]);
    return { profile, points };
  });
  return (
    <PageShell title='志愿服务'>
      <QueryView state={state} onRetry={reload}>
        {({ profile, points }) => (
          <>
            {profile === null && (
              <Section heading='请先登记'>
                <View className='section__text'>第一次参加志愿服务，请先填写姓名、电话和所在楼栋。</View>
                <BigButton kind='primary' onClick={() => go('profile')}>
                  填写志愿者资料
                </BigButton>
              </Section>
            )}
            <Section heading={profile ? `${profile.name}，您好` : '我的积分'}>
              <VolunteerPoints year={points.year} yearPoints={points.yearEarned} totalPoints={points.allTime} />
              <BigButton onClick={() => go('points')}>查看积分明细</BigButton>
            </Section>
            <Section heading='参加活动'>
              <View className='section__actions'>
                <BigButton kind='primary' onClick={() => go('activities')}>
                  报名参加活动
                </BigButton>
                <BigButton onClick={() => go('check-in')}>活动签到</BigButton>
              </View>
            </Section>
            <Section heading='积分排行与公示'>
              <View className='section__actions'>
                <BigButton onClick={() => go('ranking')}>积分排行</BigButton>
                <BigButton onClick={() => go('publication')}>每月积分公示</BigButton>
              </View>
            </Section>
            <Section heading='积分兑换礼品'>
              <View className='section__actions'>
                <BigButton onClick={() => go('gifts')}>兑换礼品</BigButton>
                <BigButton onClick={() => go('redemptions')}>我的兑换和取货码</BigButton>
              </View>
            </Section>
            {profile && (
              <Section heading='我的资料'>
                <BigButton onClick={() => go('profile')}>查看和修改资料</BigButton>
              </Section>
            )}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
