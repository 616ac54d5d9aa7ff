import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../../components/page-shell';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { QueryView } from '../../../../components/query-view';
import { ActivityForm } from './activity-form';
import '../../shared/volunteer.scss';

/** New activity for a community (`volunteer.saveActivity`), points from the street's rule table. */
export default function ActivityEditPage() {
  const communityId = useRouter().params.communityId ?? '';
  const { state, reload } = useQuery(() => call('volunteer', 'rules', {}));
  return (
    <PageShell title='发布志愿活动'>
      <QueryView state={state} onRetry={reload}>
        {({ rules }) => <ActivityForm communityId={communityId} rules={rules.filter((r) => r.active && !r.requiresConfirmedCase)} />}
      </QueryView>
    </PageShell>
  );
}
