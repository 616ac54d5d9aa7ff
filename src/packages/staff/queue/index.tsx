import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { CaseList } from '../../../components/case-list';
import { QueryBlock } from '../../../components/case-list/query-block';
import { useQuery } from '../../../services/use-query';
import { isQueueKind, QUEUES, staffCaseUrl } from './queues';

/** One work list (inbox, community/street queue, 督办 list); each case opens the handling page. */
export default function StaffQueuePage() {
  const param = useRouter().params.kind;
  const kind = isQueueKind(param) ? param : 'inbox';
  const spec = QUEUES[kind];
  const { state, reload } = useQuery(spec.load);
  return (
    <PageShell title={spec.title}>
      <QueryBlock state={state} onRetry={reload}>
        {({ cases }) => (
          <Section heading={`共 ${cases.length} 件`}>
            <CaseList cases={cases} openUrl={staffCaseUrl} empty={spec.empty} />
          </Section>
        )}
      </QueryBlock>
    </PageShell>
  );
}
