import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { go } from '../shared/go';

/** After a redemption: the six digits, big, and where to take them. */
export function PickupCode({ giftName, code, points }: { giftName: string; code: string; points: number }) {
  return (
    <Section heading='兑换成功'>
      <View className='vol-done' role='status'>
        ✓ 已用 {Math.abs(points)} 分兑换“{giftName}”
      </View>
      <View className='section__text'>请到社区服务站，出示下面的取货码领取：</View>
      <View className='vol-code' aria-label={`取货码 ${code.split('').join(' ')}`}>
        {code}
      </View>
      <View className='section__help'>取货码也可以在“我的兑换和取货码”里随时查看。</View>
      <BigButton onClick={() => go('redemptions')}>我的兑换和取货码</BigButton>
    </Section>
  );
}
