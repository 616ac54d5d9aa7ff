import { View } from '@tarojs/components';
import { useRef } from 'react';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { bulletinPath, patrolBulletinPath } from '../shared/links';
import { PatrolBulletin } from './patrol-bulletin';
import { BulletinShareSection } from './share-section';
import '../shared/assess.scss';

/** A frozen 通报 as a page a WeChat group can open from its share card: a ranking or 红黑榜, or a 巡查通报. */
export default function BulletinPage() {
  const { bulletinId, patrolBulletinId } = useRouter().params;
  // The share hook stays on the page itself; the shown 通报 gives its title once loaded.
  const title = useRef('考核通报');
  useShareAppMessage(() => ({ title: title.current, path: `/${patrolBulletinId ? patrolBulletinPath(patrolBulletinId) : bulletinPath(bulletinId ?? '')}` }));
  const onTitle = (t: string) => void (title.current = t);
  return (
    <PageShell title='考核通报'>
      {patrolBulletinId ? <PatrolBulletin bulletinId={patrolBulletinId} onTitle={onTitle} /> : <RankingBulletin bulletinId={bulletinId ?? ''} onTitle={onTitle} />}
    </PageShell>
  );
}

function RankingBulletin({ bulletinId, onTitle }: { bulletinId: string; onTitle: (title: string) => void }) {
  const { state, reload } = useQuery(() => call('assess', 'bulletinView', { bulletinId }));
  if (state.status === 'ready') onTitle(state.data.title);
  return (
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
          <BulletinShareSection pdfUrl={b.pdfUrl} help='通报生成后不再改动;考核更正后会另发新的通报。' />
        </>
      )}
    </QueryView>
  );
}
