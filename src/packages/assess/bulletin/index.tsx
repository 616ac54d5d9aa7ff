import { View } from '@tarojs/components';
import { Button } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { bulletinPath } from '../shared/links';
import '../shared/assess.scss';

/** A frozen 通报 (ranking or 红黑榜) as a page a WeChat group can open from its share card, with the PDF. */
export default function BulletinPage() {
  const bulletinId = useRouter().params.bulletinId ?? '';
  const { state, reload } = useQuery(() => call('assess', 'bulletinView', { bulletinId }));
  useShareAppMessage(() => ({ title: state.status === 'ready' ? state.data.title : '考核通报', path: `/${bulletinPath(bulletinId)}` }));
  return (
    <PageShell title='考核通报'>
      <QueryView state={state} onRetry={reload}>
        {(b) => (
          <>
            <Section heading={b.title}>
              {b.kind === 'red_black' ? (
                <>
                  <View className='section__text' data-testid='red-list'>{`红榜:${b.red.join('、') || '无'}`}</View>
                  <View className='section__text assess-row__loss' data-testid='black-list'>{`黑榜:${b.black.join('、') || '无'}`}</View>
                </>
              ) : (
                b.rows.map((r) => (
                  <View key={`${r.rank}-${r.name}`} className='assess-row'>
                    <View className='assess-row__title'>{`第${r.rank}名 ${r.name} ${r.total}`}</View>
                    {r.grade && <View className='assess-row__meta'>{`等级:${r.grade}`}</View>}
                  </View>
                ))
              )}
            </Section>
            <Section heading='转发与下载'>
              {process.env.TARO_ENV === 'h5' ? (
                <a className='assess-link' href={b.pdfUrl} target='_blank' rel='noreferrer' data-testid='bulletin-pdf'>
                  下载通报 PDF
                </a>
              ) : (
                // weapp: the share card goes to a chat the user picks (WeChat's own sheet); the page config enables it.
                <Button className='nut-button nut-button--primary nut-button--large nut-button--block' openType='share'>
                  转发到微信群
                </Button>
              )}
              <View className='section__help'>通报生成后不再改动;考核更正后会另发新的通报。</View>
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
