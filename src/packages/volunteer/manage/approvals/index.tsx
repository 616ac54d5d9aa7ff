import { View } from '@tarojs/components';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { allPages } from '../../../../services/all-pages';
import { QueryView } from '../../../../components/query-view';
import { ApprovalRow } from './approval-row';
import '../../shared/volunteer.scss';

/**
 * 其他 activities (PRODUCT.md §8 "set by the community, approved by the street"): drafts whose rule has no
 * fixed value wait here until the street sets their points; the community can publish them afterwards.
 */
export default function ApprovalsPage() {
  const { state, reload } = useQuery(async () => {
    // Every draft of the street, page after page: the ones waiting for the street must all be here.
    const [activities, view] = await Promise.all([allPages((after) => call('volunteer', 'activities', { state: 'draft', limit: 100, ...(after ? { after } : {}) }), 'activities'), call('volunteer', 'rules', {})]);
    const variable = new Set(view.rules.filter((r) => r.points === null).map((r) => r.id));
    const details = await Promise.all(activities.filter((a) => variable.has(a.ruleId)).map((a) => call('volunteer', 'activity', { activityId: a.activityId })));
    return { details };
  });
  return (
    <PageShell title='待审批的活动分值'>
      <QueryView state={state} onRetry={reload}>
        {({ details }) => {
          const waiting = details.filter((d) => d.streetApprovalPoints === undefined);
          const approved = details.filter((d) => d.streetApprovalPoints !== undefined);
          return (
            <>
              <Section heading={`等待街道确定分值（${waiting.length} 个）`}>
                <View className='section__help'>社区临时组织的“其他”类活动，分值须经街道同意。确定后社区才能发布。</View>
                {waiting.length === 0 && <View className='section__text'>没有等待审批的活动。</View>}
                {waiting.map((a) => (
                  <ApprovalRow key={a.activityId} activity={a} onDone={reload} />
                ))}
              </Section>
              {approved.length > 0 && (
                <Section heading='已确定分值、社区尚未发布'>
                  {approved.map((a) => (
                    <ApprovalRow key={a.activityId} activity={a} onDone={reload} />
                  ))}
                </Section>
              )}
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
