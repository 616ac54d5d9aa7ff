import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';

/** Placeholder: activities, points, ranking, redemption (subpackage). */
export default function VolunteerHomePage() {
  return (
    <PageShell title='志愿服务'>
      <Section heading='即将上线'>
        <View className='section__text'>志愿活动报名、积分、排行和兑换会放在这里。</View>
      </Section>
    </PageShell>
  );
}
