import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { RUN_STATE_LABELS } from '../../../domain/assessment/records';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { monthLabel, sheetUrl } from '../shared/links';
import { PublishActions } from './publish-actions';
import { ScoreForm } from './score-form';
import '../shared/assess.scss';

/** One run: the ranking (provisional to assessors, frozen once published), entries, publication and exports. */
export default function RunPage() {
  const runId = useRouter().params.runId ?? '';
  const { state, reload } = useQuery(() => call('assess', 'run', { runId }));
  return (
    <PageShell title='考核详情'>
      <QueryView state={state} onRetry={reload}>
        {(run) => (
          <>
            <Section heading={`${monthLabel(run.month)} ${run.scopeName}`}>
              <View className='section__text' data-testid='run-state'>
                {`${run.ruleSetName} · ${RUN_STATE_LABELS[run.state]}${run.revision > 1 ? ` · 第${run.revision}版` : ''}`}
              </View>
              {run.state === 'open' && <View className='section__help'>结果公布前仅考核人员可见(002 督查纪律:不得随意透露考核过程与结果)。</View>}
              {run.corrections.map((c) => (
                <View key={c.revision} className='section__help'>{`第${c.revision}版更正理由:${c.reason}`}</View>
              ))}
            </Section>
            <Section heading={run.state === 'open' ? '当前得分(未公布)' : '考核排名'}>
              {run.ranking.map((r) => (
                <View key={r.subjectId} className='assess-row' data-testid='rank-row'>
                  <View className='assess-row__title'>{`第${r.rank}名 ${r.subjectName} ${r.total}${run.unit}`}</View>
                  <View className='assess-row__meta'>
                    {[r.grade && `等级:${r.grade}`, r.payoutYuan !== null && `应发激励:${r.payoutYuan}元`, r.paidYuan !== null && r.paidYuan !== r.payoutYuan && `实发:${r.paidYuan}元`, r.vetoed && '一票否决'].filter(Boolean).join(' · ')}
                  </View>
                  {r.pendingItems.length > 0 && <View className='assess-row__meta'>{`还有 ${r.pendingItems.length} 项未评分`}</View>}
                  {r.flags.length > 0 && <View className='assess-row__meta assess-row__loss'>{`预警:${r.flags.join('、')}`}</View>}
                  {r.payoutNotes.map((n) => (
                    <View key={n} className='assess-row__meta'>{n}</View>
                  ))}
                  {r.sheetId && (
                    <View className='assess-link' onClick={() => void Taro.navigateTo({ url: sheetUrl(r.sheetId!) })}>
                      查看考核表
                    </View>
                  )}
                </View>
              ))}
            </Section>
            {run.state === 'open' && run.subjects.some((s) => s.scorableItems.length > 0) && <ScoreForm run={run} onSaved={reload} />}
            <PublishActions run={run} onChanged={reload} />
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
