import { View } from '@tarojs/components';
import { BigButton } from '../../../../components/big-button';
import { Section } from '../../../../components/section';
import { goManage } from '../shared/go-manage';

/** Street staff and the administrator: the street-wide reports, the points table and the points awaiting approval. */
export function StreetSection() {
  return (
    <Section heading='街道汇总与审批'>
      <View className='section__text'>全街道的季度汇总、年度排名、积分规则，以及“其他”类活动的分值审批。</View>
      <View className='section__actions'>
        <BigButton onClick={() => goManage('quarterly')}>季度积分汇总</BigButton>
        <BigButton onClick={() => goManage('top')}>年度前50名（免费体检）</BigButton>
        <BigButton onClick={() => goManage('approvals')}>待审批的活动分值</BigButton>
        <BigButton onClick={() => goManage('rules')}>积分规则</BigButton>
      </View>
    </Section>
  );
}
