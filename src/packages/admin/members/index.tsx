import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { allPages } from '../../../services/all-pages';
import { MembersForm } from './members-form';
import '../shared/admin.scss';

/** Who serves a grid (`org.gridDetail` → `org.setGridMembers`): roles, 专职/兼职, and the AB岗 cover. */
export default function MembersPage() {
  const gridId = useRouter().params.gridId ?? '';
  const { state, reload } = useQuery(async () => {
    // The pickers choose among all of the caller's people: every page, not the first.
    const [detail, people] = await Promise.all([call('org', 'gridDetail', { gridId }), allPages((after) => call('org', 'listPeople', { limit: 100, ...(after ? { after } : {}) }), 'people')]);
    return { detail, people };
  });
  return (
    <PageShell title='安排网格人员'>
      <QueryView state={state} onRetry={reload}>
        {({ detail, people }) => <MembersForm key={detail.version} detail={detail} people={people} />}
      </QueryView>
    </PageShell>
  );
}
