import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { pressable } from '../../../components/case-choice/pressable';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { COUNTER_KEYS, COUNTER_LABELS, type CounterKey } from '../../../domain/stats';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { QueryView } from '../../../components/query-view';
import { categoryFromParams, scopeFromParams } from '../shared/links';
import '../shared/dashboard.scss';

type Item = ActionOutput<'stats', 'cases'>['items'][number];

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
  const [more, setMore] = useState<{ items: Item[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const { state, reload } = useQuery(async () => {
    setMore(null);
    return call('stats', 'cases', input);
  });
  const loadMore = async (after: string) => {
    setLoadingMore(true);
    try {
      const page = await call('stats', 'cases', { ...input, after });
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], next: page.next }));
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <PageShell title={`${label}明细`}>
      <QueryView state={state} onRetry={reload}>
        {(first) => {
          const items = [...first.items, ...(more?.items ?? [])];
          const next = more ? more.next : first.next;
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
                  <View className='section__help'>上报于 {c.createdAt.slice(0, 10)}</View>
                </View>
              ))}
              {next && (
                <BigButton disabled={loadingMore} onClick={() => void loadMore(next)}>
                  {loadingMore ? '正在加载…' : '加载更多'}
                </BigButton>
              )}
            </Section>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
