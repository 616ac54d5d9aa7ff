import { useState } from 'react';
import { View } from '@tarojs/components';
import { CaseChoice } from '../../../../components/case-choice';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { QueryView } from '../../../../components/query-view';
import { useReloadOn } from '../../shared/use-reload-on';
import { QUARTERS, quarterLabel, quarterNow, recentYears } from '../shared/periods';
import { QuarterlyExport } from './quarterly-export';
import '../../shared/volunteer.scss';

/** Street staff: 一季一汇总 — each community's points in a quarter, its volunteers by points, and the Excel file. */
export default function QuarterlyPage() {
  const now = quarterNow();
  const [year, setYear] = useState(String(now.year));
  const [quarter, setQuarter] = useState(String(now.quarter));
  const { state, reload } = useQuery(() => call('volunteer', 'quarterly', { year: Number(year), quarter: Number(quarter) }));
  useReloadOn([year, quarter], reload);
  return (
    <PageShell title='季度积分汇总'>
      <Section heading='选择季度'>
        <CaseChoice label='年度' options={recentYears()} value={year} onChange={setYear} columns={2} />
        <CaseChoice label='季度' options={QUARTERS} value={quarter} onChange={setQuarter} columns={1} />
      </Section>
      <QueryView state={state} onRetry={reload}>
        {(q) => {
          const total = q.communities.reduce((sum, c) => sum + c.points, 0);
          const heading = `${q.year}年${quarterLabel(q.quarter)}`;
          return (
            <>
              <Section heading={heading}>
                <View className='section__text' data-testid='quarterly-total'>
                  {q.communities.length === 0 ? '这个季度还没有人获得积分。' : `全街道共 ${total} 分，${q.communities.length} 个社区有志愿者得分。`}
                </View>
              </Section>
              {q.communities.map((c) => (
                <Section key={c.communityId} heading={`${c.communityName}：共 ${c.points} 分`}>
                  {[...c.volunteers]
                    .sort((a, b) => b.points - a.points)
                    .map((v) => (
                      <View key={v.volunteerId} className='vol-row'>
                        <View className='vol-row__meta'>
                          {v.name}：{v.points} 分
                        </View>
                      </View>
                    ))}
                </Section>
              ))}
              <QuarterlyExport year={q.year} quarter={q.quarter} />
            </>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
