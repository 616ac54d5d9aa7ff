import { View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { CaseView } from '../../components/case-view';
import { CaseProgress } from '../../components/case-progress';
import { CaseTimeline } from '../../components/case-timeline';
import { QueryBlock } from '../../components/case-list/query-block';
import { call } from '../../services/call';
import { useQuery } from '../../services/use-query';
import { RatingForm } from './rating-form';
import { ShareHint } from './share-hint';

export const casePath = (caseId: string) => `/pages/case/index?caseId=${encodeURIComponent(caseId)}`;

/**
 * A case as its reporter follows it (main package): the step bar first, then the case, timeline, return reason, rating after
 * resolution. Also what a shared card opens: `case.detail` checks the viewer, FORBIDDEN → 无权查看.
 */
export default function CasePage() {
  const caseId = decodeURIComponent(useRouter().params.caseId ?? '');
  const { state, reload } = useQuery(() => call('case', 'detail', { caseId }));

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `网格事件：${state.data.categoryLabel}（${state.data.stateLabel}）` : '网格事件',
    path: casePath(caseId),
  }));

  return (
    <PageShell title='办理进度'>
      <QueryBlock state={state} onRetry={reload}>
        {(detail) => (
          <View>
            <CaseProgress detail={detail} />
            <CaseView detail={detail} />
            {detail.allowedActions.includes('rate') && <RatingForm caseId={detail.caseId} version={detail.version} onRated={reload} />}
            <Section heading='办理经过'>
              <CaseTimeline events={detail.timeline} />
            </Section>
            <ShareHint caseId={detail.caseId} />
          </View>
        )}
      </QueryBlock>
    </PageShell>
  );
}
