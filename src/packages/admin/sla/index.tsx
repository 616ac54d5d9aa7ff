import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { DEADLINE_KINDS } from '../../../domain/case/sla-config';
import { call } from '../../../services/call';
import { QueryView } from '../../../components/query-view';
import { useQuery } from '../../../services/use-query';
import { DEADLINE_LABELS, ruleText } from './labels';
import { SlaEditor, type SlaData } from './sla-editor';
import { HolidayArrangement } from './holiday-arrangement';
import '../shared/admin.scss';

/**
 * The street's deadlines (PRODUCT.md §5): the default of each rule with its source, then the street's
 * own adjustments (each with a reason) and closed days. `case.streetConfig` / `case.saveSla`, street admins.
 */
export default function SlaPage() {
  const { state, reload } = useQuery(async (): Promise<SlaData> => {
    const [config, tree, status] = await Promise.all([call('case', 'streetConfig', {}), call('case', 'categories', {}), call('case', 'calendarStatus', {})]);
    return { ...config, categories: tree.categories, status };
  });
  return (
    <PageShell title='处置时限'>
      <QueryView state={state} onRetry={reload}>
        {(data) => (
          <>
            <Section heading='默认时限和依据'>
              <View className='section__help'>时限按工作时间计算，不含周末、法定节假日和街道设定的休息日。</View>
              {DEADLINE_KINDS.map((kind) => (
                <View key={kind} className='admin-row'>
                  <View className='admin-row__title'>
                    {DEADLINE_LABELS[kind]}：{ruleText(data.sla.defaults[kind])}
                  </View>
                  <View className='admin-row__meta'>依据：{data.sla.defaults[kind].reason}</View>
                </View>
              ))}
            </Section>
            <HolidayArrangement years={data.status.years} warning={data.status.warning?.message ?? null} onSaved={reload} />
            <SlaEditor key={data.slaVersion} data={data} />
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
