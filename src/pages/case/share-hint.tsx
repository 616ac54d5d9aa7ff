import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { Section } from '../../components/section';
import { copyText, isH5 } from '../../services/platform';

/** Forwarding a case: weapp's menu shares the page (the receiver must have the right to see it); H5 copies the link. */
export function ShareHint({ caseId }: { caseId: string }) {
  const url = isH5 ? `${window.location.origin}${window.location.pathname}#/pages/case/index?caseId=${encodeURIComponent(caseId)}` : '';
  return (
    <Section heading='转发这件事'>
      <View className='section__help'>只有上报人和负责的工作人员能打开，别人看到的是“无权查看”。</View>
      {isH5 ? (
        <BigButton onClick={() => void copyText(url, '链接已复制')}>复制链接</BigButton>
      ) : (
        <View className='section__help'>点右上角“···”，选“转发给朋友”或发到群里。</View>
      )}
    </Section>
  );
}
