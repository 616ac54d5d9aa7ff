import { useState } from 'react';
import { View } from '@tarojs/components';
import { CaseChoice } from '../../../../components/case-choice';
import { PageShell } from '../../../../components/page-shell';
import { Section } from '../../../../components/section';
import { VolunteerRankList } from '../../../../components/volunteer-rank-list';
import { call } from '../../../../services/call';
import { useQuery } from '../../../../services/use-query';
import { HEALTH_CHECK_TOP_N } from '../../../../domain/volunteer/ranking';
import { QueryView } from '../../../../components/query-view';
import { useReloadOn } from '../../shared/use-reload-on';
import { quarterNow, recentYears } from '../shared/periods';
import '../../shared/volunteer.scss';

/** 按年评选: the street's top 50 of a year (ties at the cut kept whole), each gets one free health check. */
export default function TopPage() {
  const [year, setYear] = useState(String(quarterNow().year));
  const { state, reload } = useQuery(async () => {
    const [top, tree] = await Promise.all([call('volunteer', 'top', { year: Number(year) }), call('org', 'tree', {})]);
    const names = new Map(tree.communities.map((c) => [c.communityId, c.name]));
    return { ...top, names };
  });
  useReloadOn([year], reload);
  return (
    <PageShell title='年度前50名'>
      <Section heading='选择年度'>
        <CaseChoice label='年度' options={recentYears()} value={year} onChange={setYear} columns={2} />
      </Section>
      <QueryView state={state} onRetry={reload}>
        {({ year: shown, rows, names }) => (
          <Section heading={`${shown}年全街道前${HEALTH_CHECK_TOP_N}名`}>
            <View className='section__help'>
              按当年获得的积分排名。前{HEALTH_CHECK_TOP_N}名每人可享受一次免费体检；同分的并列，最后一名同分的都算在内。
            </View>
            {rows.length > 0 && (
              <View className='section__text' data-testid='top-count'>
                共 {rows.length} 人
              </View>
            )}
            <VolunteerRankList
              rows={rows.map((r) => ({ rank: r.rank, name: r.name, points: r.points, place: names.get(r.communityId) ?? '' }))}
              emptyText={`${shown}年还没有人获得积分。`}
            />
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}
