import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadMore } from '../../../components/load-more';
import { pressable } from '../../../components/case-choice/pressable';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { chinaDayOf, COUNTER_KEYS, COUNTER_LABELS, type CounterKey } from '../../../domain/stats';
import { call } from '../../../services/call';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { QueryView } from '../../../components/query-view';
import { categoryFromParams, scopeFromParams } from '../shared/links';
import '../shared/dashboard.scss';

/** 统计明细: the cases behind one figure of the dashboard, newest first, more on request. */
export default function FigureCasesPage() {
  const params = useRouter().params;
  const figure = (COUNTER_KEYS as readonly string[]).includes(params.figure ?? '') ? (params.figure as CounterKey) : 'reported';
  const period = { from: params.from ?? '', to: params.to ?? '' };
  const scope = scopeFromParams(params);
  const label = params.label ? decodeURIComponent(params.label) : COUNTER_LABELS[figure];
  const ownerId = params.ownerId ? decodeURIComponent(params.ownerId) : undefined;
  // 按分类: one category's cases; stats.cases keeps those the daily rows' own countersOf counts, so the list has the figure's length.
  const category = categoryFromParams(params);
  const input = { figure, period, ...(scope ? { scope } : {}), ...(ownerId ? { ownerId } : {}), ...(category ? { categoryId: category.id } : {}) };
  // Pages with 加载更多 and a said failure, as every long list (issue 8 item 9).
  const list = usePagedList((after) => call('stats', 'cases', after ? { ...input, after } : input), 'items');
  return (
    <PageShell title={`${label}明细`}>
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {({ items, next, more, total }) => {
          return (
            <Section heading={`${category ? `${category.label} · ` : ''}${COUNTER_LABELS[figure]}（${period.from} 至 ${period.to}）`}>
              {items.length === 0 && !next && <View className='section__text'>没有符合的事件。</View>}
              {items.map((c) => (
                <View
                  key={c.caseId}
                  className='drill-item'
                  role='button'
                  {...pressable(() => void Taro.navigateTo({ url: `/packages/staff/case/index?caseId=${encodeURIComponent(c.caseId)}` }))}
                  onClick={() => void Taro.navigateTo({ url: `/packages/staff/case/index?caseId=${encodeURIComponent(c.caseId)}` })}
                >
                  <View>
                    {c.categoryLabel} · {c.stateLabel}
                    {c.overdue ? ' · 超期' : ''}
                    {c.supervised ? ' · 督办' : ''}
                  </View>
                  <View>{c.summary}</View>
                  <View className='section__help'>上报于 {chinaDayOf(new Date(c.createdAt))}</View>
                </View>
              ))}
              {items.length > 0 && <LoadMore shown={items.length} next={next} total={total} more={more} onMore={list.loadMore} />}
            </Section>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
