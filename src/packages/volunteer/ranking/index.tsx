import { useState } from 'react';
import { View } from '@tarojs/components';
import { CaseChoice } from '../../../components/case-choice';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { VolunteerRankList } from '../../../components/volunteer-rank-list';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { chinaYearNow } from '../shared/china-time-text';
import { QueryView } from '../../../components/query-view';
import { useReloadOn } from '../shared/use-reload-on';
import '../shared/volunteer.scss';

type Scope = 'community' | 'street';
const SCOPES = [
  { value: 'community' as const, label: '本社区' },
  { value: 'street' as const, label: '全街道' },
];

/** 积分排行 of the year (001 L889 按年评选): my own place first, then the list. */
export default function RankingPage() {
  const thisYear = chinaYearNow();
  const [scope, setScope] = useState<Scope>('community');
  const [year, setYear] = useState(thisYear);
  const { state, reload } = useQuery(async () => {
    // The community ranking is of the volunteer's own community: without a profile there is none yet.
    if (scope === 'community' && (await call('volunteer', 'profile', {})).profile === null) return null;
    return call('volunteer', 'ranking', { scope, year });
  });
  useReloadOn([scope, year], reload);
  const years = [thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年` }));
  return (
    <PageShell title='积分排行'>
      <Section heading='看哪里的排行'>
        <CaseChoice label='范围' options={SCOPES} value={scope} onChange={setScope} />
        <CaseChoice label='年度' options={years} value={String(year)} onChange={(y) => setYear(Number(y))} />
      </Section>
      <QueryView state={state} onRetry={reload}>
        {(r) => (r === null ? <NoCommunityYet /> : <RankingResult ranking={r} />)}
      </QueryView>
    </PageShell>
  );
}

function NoCommunityYet() {
  return (
    <Section heading='还没有所在社区'>
      <View className='section__text'>请先在“我的资料”里登记，就能看到本社区的排行；也可以先看全街道的排行。</View>
    </Section>
  );
}

function RankingResult({ ranking: r }: { ranking: ActionOutput<'volunteer', 'ranking'> }) {
  const where = r.scope === 'street' ? '全街道' : '本社区';
  return (
    <>
      <Section heading='我的排名'>
        {r.me ? (
          <View className='vol-done' role='status'>
            {r.year}年{where}第 {r.me.rank} 名，{r.me.points} 分
          </View>
        ) : (
          <View className='section__text'>{r.year}年还没有积分，参加活动就能上榜。</View>
        )}
        <View className='section__help'>年度积分前 50 名可享受一次免费体检。</View>
      </Section>
      <Section heading={`${r.year}年${where}排行（共 ${r.total} 人）`}>
        <VolunteerRankList rows={r.rows.map((row) => ({ rank: row.rank, name: row.name, points: row.points, isMe: row.volunteerId === r.me?.volunteerId }))} />
      </Section>
    </>
  );
}
