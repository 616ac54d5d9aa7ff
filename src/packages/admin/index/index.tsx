import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';

/** Placeholder: community / street supervision pages (subpackage). */
export default function AdminHomePage() {
  return (
    <PageShell title='社区街道督办'>
      <Section heading='即将上线'>
        <View className='section__text'>社区和街道的督办、统计和考核会放在这里。</View>
      </Section>
    </PageShell>
  );
}
