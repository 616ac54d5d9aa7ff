import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CaseChoice } from '../../../components/case-choice';
import { pressable } from '../../../components/case-choice/pressable';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { StatChart } from '../../../components/stat-chart';
import { STATS_LEVEL_LABELS, type ScopeInput } from '../../../domain/stats';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { categoryBars, categoryDrills, categoryTable, drillFigureOf, gridRates, HEADLINE, kpiLabel, kpiText, monthDrills, monthTrend, PERIOD_CHOICES, PERIOD_LABELS, periodOf, type Board, type CellDrill, type PeriodChoice } from '../shared/figures';
import { casesUrl, dashboardUrl, scopeFromParams } from '../shared/links';
import { LedgerSection } from './ledger-section';
import { WorkersSection } from './workers-section';
import { withoutSeedReferences } from '../../../domain/developer-text';
import '../shared/dashboard.scss';

/**
 * 统计看板 (issue 16 item 3): the caller's street, community or grid over a period — headline figures
 * that open the cases behind them, targets in words and colour, trend by month, by category and by grid,
 * each chart with its plain table, a card per worker with their figures, and the 台账 exports.
 */
export default function DashboardPage() {
  const scope = scopeFromParams(useRouter().params);
  const [choice, setChoice] = useState<PeriodChoice>('thisMonth');
  const period = periodOf(choice, new Date());
  const { state, reload } = useQuery(() => call('stats', 'dashboard', { ...(scope ? { scope } : {}), period }));
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [choice]);
  return (
    <PageShell title='统计看板'>
      <Section heading='统计时段'>
        <CaseChoice label='时段' options={PERIOD_CHOICES.map((c) => ({ value: c, label: PERIOD_LABELS[c] }))} value={choice} onChange={setChoice} columns={2} />
      </Section>
      <QueryView state={state} onRetry={reload}>
        {(b) => <BoardView board={b} />}
      </QueryView>
    </PageShell>
  );
}

function BoardView({ board: b }: { board: Board }) {
  const scope: ScopeInput = b.scope;
  const where = `${STATS_LEVEL_LABELS[scope.level]}（${b.period.from} 至 ${b.period.to}）`;
  return (
    <>
      <Section heading={`主要指标 · ${where}`}>
        <View className='kpi-grid'>
          {HEADLINE.map((k) => (
            <View
              key={k}
              className='kpi-tile'
              role='button'
              aria-label={`${kpiLabel(k)} ${kpiText(k, b.totals.kpis[k])}，查看明细`}
              {...pressable(() => void Taro.navigateTo({ url: casesUrl(drillFigureOf(k), b.period, scope, kpiLabel(k)) }))}
              onClick={() => void Taro.navigateTo({ url: casesUrl(drillFigureOf(k), b.period, scope, kpiLabel(k)) })}
            >
              <View className='kpi-tile__label'>{kpiLabel(k)}</View>
              <View className='kpi-tile__value'>{kpiText(k, b.totals.kpis[k])}</View>
            </View>
          ))}
        </View>
        <View className='section__help'>点任一指标，查看背后的事件。比率：结案率 = 结案数 ÷（立案数 − 按时待处置数）。</View>
      </Section>
      <Section heading='目标完成情况'>
        {b.targets.map((t) => (
          <View key={t.kpi} className='target-row'>
            <View>
              {t.label}：{kpiText(t.kpi, t.value)}（目标{t.direction === 'atLeast' ? '不低于' : '不高于'} {t.target}%）{' '}
              <View className={`rag rag--${t.rag}`}>{t.ragLabel}</View>
            </View>
            <View className='section__help'>{withoutSeedReferences(t.reason)}</View>
          </View>
        ))}
      </Section>
      <Section heading='按月趋势'>
        <StatChart id='chart-month' kind={b.byMonth.length > 1 ? 'line' : 'column'} data={monthTrend(b)} caption='每月立案数与结案数' cellLink={linkOf(monthDrills(b))} />
        <View className='section__help'>点表中的数字，查看该月立案或结案的事件（按上报月份统计）。</View>
      </Section>
      <Section heading='按分类'>
        <StatChart id='chart-category' kind='column' data={categoryBars(b)} table={categoryTable(b)} caption='各类事件立案数' cellLink={linkOf(categoryDrills(b))} />
        <View className='section__help'>点表中的数字，查看该类立案的事件。</View>
      </Section>
      {scope.level !== 'grid' && (
        <Section heading='按网格'>
          <StatChart id='chart-grid' kind='column' data={gridRates(b)} caption='各网格按期结案率' unit='%' />
          <View className='section__help'>点网格名称，查看该网格的看板。</View>
          {b.byGrid.map((g) => (
            <View
              key={g.gridId}
              className='target-row'
              role='button'
              {...pressable(() => void Taro.navigateTo({ url: dashboardUrl({ level: 'grid', id: g.gridId }) }))}
              onClick={() => void Taro.navigateTo({ url: dashboardUrl({ level: 'grid', id: g.gridId }) })}
            >
              <View className='dash-link'>{g.gridName}</View>
              <View>
                立案 {g.counters.filed} · 结案 {g.counters.closed} · 按期结案率 {kpiText('onTimeClosureRate', g.kpis.onTimeClosureRate)} · 满意率 {kpiText('satisfactionRate', g.kpis.satisfactionRate)} · 超期 {g.counters.overdue}
              </View>
            </View>
          ))}
        </Section>
      )}
      <WorkersSection key={`${scope.level}-${scope.id}-${b.period.from}-${b.period.to}`} scope={scope} period={b.period} />
      <LedgerSection scope={scope} period={b.period} />
    </>
  );
}

/** The table's counts open the cases page (stats.cases) behind them. */
const linkOf = (drills: Array<Array<CellDrill | null>>) => (row: number, series: number) => {
  const d = drills[row]?.[series];
  return d ? { ariaLabel: d.ariaLabel, open: () => void Taro.navigateTo({ url: d.url }) } : null;
};
