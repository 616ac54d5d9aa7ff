import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';

/** The grid's QR code (`board.qrcode`): residents scan it to open the board. */
export function QrcodeSection({ gridId }: { gridId: string }) {
  const submit = useSubmit();
  const [url, setUrl] = useState('');
  const show = () => void submit.run(() => call('board', 'qrcode', { gridId })).then((r) => r && setUrl(r.url));
  return (
    <Section heading='二维码'>
      {url === '' ? (
        <BigButton disabled={submit.busy} onClick={show}>
          {submit.busy ? '正在生成…' : '显示二维码'}
        </BigButton>
      ) : (
        <>
          <Image className='admin-qrcode' src={url} mode='aspectFit' nativeProps={{ alt: '本网格公示牌二维码' }} />
          <View className='section__help'>居民扫码即可打开本网格公示牌。</View>
        </>
      )}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
    </Section>
  );
}
