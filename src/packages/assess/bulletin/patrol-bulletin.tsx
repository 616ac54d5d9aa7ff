import { Button, View } from '@tarojs/components';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';

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
          <Section heading='转发与下载'>
            {process.env.TARO_ENV === 'h5' ? (
              <>
                <a className='assess-link' href={b.pdfUrl} target='_blank' rel='noreferrer' data-testid='bulletin-pdf'>
                  下载通报 PDF
                </a>
                <a className='assess-link' href={b.xlsxUrl} target='_blank' rel='noreferrer' data-testid='bulletin-xlsx'>
                  下载通报 Excel
                </a>
              </>
            ) : (
              // weapp: the share card goes to a chat the user picks (WeChat's own sheet); the page config enables it.
              <Button className='nut-button nut-button--primary nut-button--large nut-button--block' openType='share'>
                转发到微信群
              </Button>
            )}
            <View className='section__help'>{`${b.halfMonth}的巡查记录,生成后不再改动。`}</View>
          </Section>
        </>
      )}
    </QueryView>
  );
}
