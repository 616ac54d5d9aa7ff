import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import '../shared/worker.scss';

/**
 * 当场处置抽查 (issue 14 item 1; 004 L41 "抽查辖区内网格，实地核查"): the grid chief picks a grid and
 * checks the on-the-spot findings drawn for sampling, unchecked first, recording 属实 / 不符.
 */
export default function SamplesPage() {
  const gridsQuery = useQuery(() => call('org', 'tree', {}));
  const [gridId, setGridId] = useState('');
  return (
    <PageShell title='当场处置抽查'>
      <QueryView state={gridsQuery.state} onRetry={gridsQuery.reload}>
        {(tree) => {
          const grids = tree.communities.flatMap((c) => c.grids.map((g) => ({ value: g.gridId, label: `${g.code} ${g.name}` })));
          const chosen = gridId || grids[0]?.value || '';
          return (
            <>
              {grids.length > 1 && <CaseChoice label='哪个网格？' options={grids} value={chosen} onChange={setGridId} />}
              {chosen ? <SampleList key={chosen} gridId={chosen} /> : <View className='section__text'>您没有可以抽查的网格。</View>}
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}

function SampleList({ gridId }: { gridId: string }) {
  const { state, reload } = useQuery(() => call('patrol', 'samples', { gridId }));
  const submit = useSubmit();
  const verify = async (patrolId: string, findingId: string, result: 'confirmed' | 'rejected') => {
    if (await submit.run(() => call('patrol', 'verifySample', { patrolId, findingId, result, note: '' }))) reload();
  };
  return (
    <QueryView state={state} onRetry={reload}>
      {({ rows }) => (
        <Section heading={`抽中的当场处置（${rows.filter((r) => !r.finding.verification).length} 条待核实）`}>
          {rows.length === 0 && <View className='section__text'>暂时没有抽中的当场处置。</View>}
          {submit.message && <View className='section__error'>{submit.message}</View>}
          {rows.map(({ patrolId, workerName, finding }) => (
            <View key={finding.findingId} className='worker-row'>
              <View className='worker-row__title'>
                {finding.categoryLabel} · {workerName}
              </View>
              <View className='worker-row__meta'>{finding.description}</View>
              {[...finding.beforePhotoUrls, ...finding.afterPhotoUrls].map((url, i) => (
                <Image key={url} src={url} mode='aspectFit' style={{ width: '45%', height: '120px' }} aria-label={i < finding.beforePhotoUrls.length ? '处置前照片' : '处置后照片'} />
              ))}
              {finding.verification ? (
                <View className='worker-row__meta'>
                  {finding.verification.resultLabel}（{finding.verification.byName}）
                </View>
              ) : (
                <View className='section__actions'>
                  <BigButton kind='primary' disabled={submit.busy} onClick={() => void verify(patrolId, finding.findingId, 'confirmed')}>
                    核实属实
                  </BigButton>
                  <BigButton disabled={submit.busy} onClick={() => void verify(patrolId, finding.findingId, 'rejected')}>
                    核实不符
                  </BigButton>
                </View>
              )}
            </View>
          ))}
        </Section>
      )}
    </QueryView>
  );
}
