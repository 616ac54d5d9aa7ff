import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { CaseView } from '../../../components/case-view';
import { CaseTimeline } from '../../../components/case-timeline';
import { QueryBlock } from '../../../components/case-list/query-block';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { ActionPanel } from './action-panel';
import { LeadSection } from './lead-section';
import { ReachButtons } from './reach-buttons';
import './index.scss';

/** Staff handle a case: what it is, how to reach the reporter and the spot, the next step, and everything that happened so far. */
export default function StaffCasePage() {
  const caseId = decodeURIComponent(useRouter().params.caseId ?? '');
  const { state, reload } = useQuery(() => call('case', 'detail', { caseId }));
  return (
    <PageShell title='办理事件'>
      <QueryBlock state={state} onRetry={reload}>
        {(detail) => (
          <View>
            <CaseView detail={detail} />
            <ReachButtons detail={detail} />
            {/* keyed by version: after an action the panel starts fresh on the new state */}
            <ActionPanel key={detail.version} detail={detail} onDone={reload} />
            <LeadSection detail={detail} />
            <Section heading='办理经过'>
              <CaseTimeline events={detail.timeline} />
            </Section>
          </View>
        )}
      </QueryBlock>
    </PageShell>
  );
}
