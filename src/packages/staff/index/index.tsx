import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';

/** Placeholder: grid officer / chief pages (subpackage). */
export default function StaffHomePage() {
  return (
    <PageShell title='网格工作台'>
      <Section heading='即将上线'>
        <View className='section__text'>网格员、网格长的待办、巡查和走访记录会放在这里。</View>
      </Section>
    </PageShell>
  );
}
