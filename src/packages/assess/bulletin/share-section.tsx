import { Button, View } from '@tarojs/components';
import { Section } from '../../../components/section';

/**
 * The 转发与下载 part of every frozen 通报 (a ranking, a 红黑榜, a 巡查通报): in a browser the files to
 * download, in WeChat the share card to a group. `xlsxUrl` only where the 通报 has an Excel copy.
 */
export function BulletinShareSection({ pdfUrl, xlsxUrl, help }: { pdfUrl: string; xlsxUrl?: string; help: string }) {
  return (
    <Section heading='转发与下载'>
      {process.env.TARO_ENV === 'h5' ? (
        <>
          <a className='assess-link' href={pdfUrl} target='_blank' rel='noreferrer' data-testid='bulletin-pdf'>
            下载通报 PDF
          </a>
          {xlsxUrl !== undefined && (
            <a className='assess-link' href={xlsxUrl} target='_blank' rel='noreferrer' data-testid='bulletin-xlsx'>
              下载通报 Excel
            </a>
          )}
        </>
      ) : (
        // weapp: the share card goes to a chat the user picks (WeChat's own sheet); the page config enables it.
        <Button className='nut-button nut-button--primary nut-button--large nut-button--block' openType='share'>
          转发到微信群
        </Button>
      )}
      <View className='section__help'>{help}</View>
    </Section>
  );
}
