import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';

/** Placeholder: the resident report form comes here. */
export default function ReportPage() {
  return (
    <PageShell title='我要上报'>
      <Section heading='即将上线'>
        <View className='section__text'>拍照、定位、描述问题，提交给您所在网格的网格员。</View>
      </Section>
    </PageShell>
  );
}
