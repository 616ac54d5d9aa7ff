import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';

/** Unknown or disabled grid (board.get NOT_FOUND): say so plainly and offer the way home. */
export function BoardMissing() {
  return (
    <PageShell title='网格公示牌'>
      <Section heading='没有找到这个网格'>
        <View className='section__text' role='alert' data-testid='board-missing'>
          该网格不存在或已停用
        </View>
        <View className='section__help'>二维码可能已经更换。请联系社区，或回到首页查看。</View>
        <BigButton kind='primary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          回到首页
        </BigButton>
      </Section>
    </PageShell>
  );
}
