import { View } from '@tarojs/components';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { BulletinShareSection } from './share-section';

/** A frozen 巡查通报 (002 L151): one ranked row per grid worker, the PDF and Excel, and the share card. */
export function PatrolBulletin({ bulletinId, onTitle }: { bulletinId: string; onTitle: (title: string) => void }) {
  const { state, reload } = useQuery(() => call('assess', 'patrolBulletinView', { bulletinId }));
  if (state.status === 'ready') onTitle(state.data.title);
  return (
    <QueryView state={state} onRetry={reload}>
      {(b) => (
        <>
          <Section heading={b.title}>
            {b.rows.length === 0 && <View className='section__text'>该范围没有网格员。</View>}
            {b.rows.map((r) => (
              <View key={r.workerId} className='assess-row' data-testid='patrol-row'>
                <View className='assess-row__title'>{`第${r.rank}名 ${r.name}`}</View>
                <View className='assess-row__meta'>{`巡查 ${r.patrolDays}/${r.workingDays} 个工作日 · ${r.minutes} 分钟${r.restDayPatrols ? ` · 休息日巡查 ${r.restDayPatrols} 天` : ''}`}</View>
                {r.missedDays > 0 && <View className='assess-row__loss'>{`漏巡 ${r.missedDays} 天`}</View>}
                <View className='assess-row__meta'>{`楼栋打卡 ${r.checkIns} · 上报事件 ${r.casesFiled} · 当场处置 ${r.onSpot}`}</View>
              </View>
            ))}
          </Section>
          <BulletinShareSection pdfUrl={b.pdfUrl} xlsxUrl={b.xlsxUrl} help={`${b.halfMonth}的巡查记录,生成后不再改动。`} />
        </>
      )}
    </QueryView>
  );
}
