import { useState } from 'react';
import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { COMPLIANCE_METRIC_LABELS, COMPLIANCE_STATUS_LABELS } from '../../../domain/worklog/compliance';
import { withoutSeedReferences } from '../../../domain/developer-text';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import '../worklog-shared/worklog.scss';

/**
 * 网格员考勤: per worker, this week's measures against the street's rules — green met, red missed, blue
 * still open — and, on tapping a worker, the dates or homes short of each rule.
 */
export default function CompliancePage() {
  const { state, reload } = useQuery(() => call('worklog', 'compliance', { weeks: 1 }));
  const [opened, setOpened] = useState<string>();
  return (
    <PageShell title='网格员考勤'>
      <QueryView state={state} onRetry={reload}>
        {({ weeks, rows, rules }) => (
          <>
            <Section heading={`本周（${weeks.at(-1)?.label ?? ''}）`}>
              {rows.length === 0 && <View className='section__text'>没有您可以查看的网格员。</View>}
              {rows.map((row) => {
                const cells = row.weeks.at(-1)?.cells ?? [];
                const missed = cells.filter((c) => c.status === 'missed').length;
                return (
                  <View key={row.workerId} className='wl-row'>
                    <View className='wl-row__title' role='button' onClick={() => setOpened(opened === row.workerId ? undefined : row.workerId)}>
                      {row.name}
                      {missed ? ` · ${missed} 项未达标` : ' · 全部达标或进行中'}
                    </View>
                    {cells.map((c) => (
                      <View key={c.metric} className='wl-row__meta'>
                        <View className={`wl-badge wl-badge--${c.status}`}>{COMPLIANCE_STATUS_LABELS[c.status]}</View>
                        {COMPLIANCE_METRIC_LABELS[c.metric]}：{c.value} / {c.target}
                        {opened === row.workerId && c.short.length > 0 ? `（缺：${c.short.join('、')}）` : ''}
                      </View>
                    ))}
                  </View>
                );
              })}
            </Section>
            <Section heading='考勤规则与依据'>
              {rules.map((r) => (
                <View key={r.metric} className='wl-row__meta'>
                  {r.rule}
                  {withoutSeedReferences(r.reason) && `（${withoutSeedReferences(r.reason)}）`}
                </View>
              ))}
            </Section>
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
