import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { RunningPatrol } from './running-patrol';
import '../shared/worker.scss';

/**
 * 巡查 (issue 14 item 1): pick one of one's grids and start; while a patrol runs, the running view
 * (elapsed time, location sampling, check-in, problems, end). Reopening the app lands on the running
 * patrol: `active` answers it.
 */
export default function PatrolPage() {
  const params = useRouter().params;
  const { state, reload } = useQuery(async () => {
    const [active, mine] = await Promise.all([call('patrol', 'active', {}), call('patrol', 'grids', {})]);
    return { active, grids: mine.grids };
  });
  const [gridId, setGridId] = useState(params.gridId ?? '');
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();

  const start = async (chosen: string) => {
    const started = await submit.run(() => call('patrol', 'start', { requestId, gridId: chosen }));
    if (started) reload();
  };

  return (
    <PageShell title='巡查'>
      <QueryView state={state} onRetry={reload}>
        {({ active, grids }) => {
          if (active.patrol && active.sampling) return <RunningPatrol patrol={active.patrol} sampling={active.sampling} onEnded={reload} />;
          const chosen = gridId || (grids.length === 1 ? grids[0].gridId : '');
          return (
            <Section heading='开始巡查'>
              {grids.length === 0 && <View className='section__text'>您没有负责的网格，不能开始巡查。</View>}
              {grids.length > 1 && (
                <CaseChoice label='巡查哪个网格？' options={grids.map((g) => ({ value: g.gridId, label: `${g.code} ${g.name}` }))} value={chosen || undefined} onChange={setGridId} error={submit.fields.gridId} />
              )}
              {grids.length === 1 && <View className='section__text'>网格：{`${grids[0].code} ${grids[0].name}`}</View>}
              <View className='section__text'>巡查期间会记录您的位置（每 30 秒左右一次），结束巡查后停止。轨迹只有您本人和上级能看到。</View>
              {submit.message && (
                <View className='section__error' role='alert'>
                  {submit.message}
                </View>
              )}
              {grids.length > 0 && (
                <BigButton kind='primary' disabled={!chosen || submit.busy} onClick={() => void start(chosen)}>
                  {submit.busy ? '正在开始…' : '开始巡查'}
                </BigButton>
              )}
            </Section>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
