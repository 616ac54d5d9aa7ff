import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { findingUrl } from '../../../services/worker-links';
import '../shared/worker.scss';

/**
 * 八必报 (003 L164; issue 14 item 2): the eight must-report items; one tap opens the problem form
 * prefilled with the item's category (and so its class). From a patrol the report is linked to it;
 * from the workbench it opens during the running patrol, or the resident report form otherwise.
 */
export default function EightReportsPage() {
  const patrolId = useRouter().params.patrolId ?? '';
  const { state, reload } = useQuery(async () => {
    const [sheet, active] = await Promise.all([call('patrol', 'eightReports', {}), patrolId ? null : call('patrol', 'active', {})]);
    return { rows: sheet.rows, patrolId: patrolId || active?.patrol?.patrolId || '' };
  });
  const open = (running: string, categoryId: string, label: string) =>
    void Taro.navigateTo({ url: running ? findingUrl(running, 'case', categoryId, label) : `/pages/report/index?categoryId=${encodeURIComponent(categoryId)}` });
  return (
    <PageShell title='八必报'>
      <QueryView state={state} onRetry={reload}>
        {({ rows, patrolId: running }) => (
          <Section heading='发现以下情况必须上报'>
            {rows.map((r) => (
              <View key={r.item} className='worker-row'>
                <BigButton disabled={!r.available} onClick={() => open(running, r.categoryId, r.label)}>
                  {r.label}
                </BigButton>
                <View className='worker-row__meta'>{r.available ? `${r.categoryLabel} · ${r.classLabel}` : '对应分类已停用，请联系街道管理员'}</View>
              </View>
            ))}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
