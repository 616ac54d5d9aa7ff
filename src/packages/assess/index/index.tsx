import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { RUN_STATE_LABELS } from '../../../domain/assessment/records';
import { monthLabel, runUrl } from '../shared/links';
import { OpenRunForm } from './open-run-form';
import { PatrolBulletinForm } from './patrol-bulletin-form';
import '../shared/assess.scss';

/** 考核管理 for street and community staff: the runs they may see, (street staff) opening a new one, and the half-monthly 巡查通报. */
export default function AssessHomePage() {
  const { state, reload } = useQuery(() => call('assess', 'runs', {}));
  return (
    <PageShell title='考核管理'>
      <QueryView state={state} onRetry={reload}>
        {(data) => (
          <>
            {data.communities.length > 0 && <OpenRunForm communities={data.communities} />}
            {data.patrolBulletinScopes.length > 0 && <PatrolBulletinForm scopes={data.patrolBulletinScopes} />}
            <Section heading='考核列表'>
              {data.runs.length === 0 && <View className='section__text'>还没有可以查看的考核。</View>}
              <View className='section__actions'>
                {data.runs.map((r) => (
                  <BigButton key={r.runId} onClick={() => void Taro.navigateTo({ url: runUrl(r.runId) })}>
                    {`${monthLabel(r.month)} ${r.scopeName} · ${RUN_STATE_LABELS[r.state]}${r.revision > 1 ? ` · 第${r.revision}版` : ''}`}
                  </BigButton>
                ))}
              </View>
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
