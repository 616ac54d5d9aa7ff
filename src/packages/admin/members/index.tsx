import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { MembersForm } from './members-form';
import '../shared/admin.scss';

/** Who serves a grid (`org.gridDetail` → `org.setGridMembers`): roles, 专职/兼职, and the AB岗 cover. */
export default function MembersPage() {
  const gridId = useRouter().params.gridId ?? '';
  const { state, reload } = useQuery(async () => {
    const [detail, { people }] = await Promise.all([call('org', 'gridDetail', { gridId }), call('org', 'listPeople', {})]);
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
