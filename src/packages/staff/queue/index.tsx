import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { CaseList } from '../../../components/case-list';
import { QueryBlock } from '../../../components/case-list/query-block';
import { LoadMore } from '../../../components/load-more';
import { usePagedList } from '../../../services/use-paged-list';
import { isQueueKind, QUEUES, staffCaseUrl } from './queues';

/** One work list (inbox, community/street queue, 督办 list), a page at a time; each case opens the handling page. */
export default function StaffQueuePage() {
  const param = useRouter().params.kind;
  const kind = isQueueKind(param) ? param : 'inbox';
  const spec = QUEUES[kind];
  const { state, reload, loadMore } = usePagedList((after) => spec.load(after ? { after } : {}), 'cases');
  return (
    <PageShell title={spec.title}>
      <QueryBlock state={state.status === 'ready' ? { status: 'ready', data: state } : state} onRetry={reload}>
        {(list) => (
          <Section heading={`共 ${list.total ?? list.items.length} 件`}>
            <CaseList cases={list.items} openUrl={staffCaseUrl} empty={spec.empty} />
            <LoadMore shown={list.items.length} next={list.next} total={list.total} more={list.more} onMore={loadMore} />
          </Section>
        )}
      </QueryBlock>
    </PageShell>
  );
}
