import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { isH5, openPdf } from '../../../services/platform';
import { useSubmit } from '../../../services/use-submit';

/** The A4 poster (`board.poster`) for the stairwell: weapp opens the PDF; H5 gives a link to open or save. */
export function PosterSection({ gridId }: { gridId: string }) {
  const submit = useSubmit();
  const [url, setUrl] = useState('');
  const make = () =>
    void submit.run(async () => {
      const poster = await call('board', 'poster', { gridId });
      setUrl(poster.url);
      if (!isH5) await openPdf(poster.url);
      return poster;
    });
  return (
    <Section heading='公示牌海报'>
      <View className='section__help'>A4 大小的 PDF，含二维码，可打印张贴在楼道。</View>
      <BigButton kind='primary' disabled={submit.busy} onClick={make}>
        {submit.busy ? '正在生成海报…' : '下载海报'}
      </BigButton>
      {isH5 && url !== '' && (
        <a className='admin-link' href={url} target='_blank' rel='noreferrer' data-testid='poster-link'>
          海报已生成，点这里打开（PDF）
        </a>
      )}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
    </Section>
  );
}
