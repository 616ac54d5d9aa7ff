import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';

/** Placeholder: the resident's own cases and their timeline come here. */
export default function MyReportsPage() {
  return (
    <PageShell title='我的上报'>
      <Section heading='即将上线'>
        <View className='section__text'>这里会列出您上报过的问题和办理进度。</View>
      </Section>
    </PageShell>
  );
}
