import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { Section } from '../../components/section';
import { boardUrl, copyText, isH5 } from '../../services/platform';

/** 服务联系卡: weapp shares the page itself (menu → 转发); H5 copies the board's address. */
export function ShareCard({ gridId }: { gridId: string }) {
  return (
    <Section heading='服务联系卡'>
      {isH5 ? (
        <>
          <View className='section__help'>复制本页链接，发给家人邻居，随时能找到网格员。</View>
          <BigButton onClick={() => void copyText(boardUrl(gridId), '链接已复制')}>复制链接</BigButton>
        </>
      ) : (
        <View className='section__help'>点右上角“···”，选“转发给朋友”，把联系卡发给家人邻居。</View>
      )}
    </Section>
  );
}
