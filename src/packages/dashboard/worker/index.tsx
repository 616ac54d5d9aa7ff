import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadMore } from '../../../components/load-more';
import { pressable } from '../../../components/case-choice/pressable';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { asQuery, usePagedList } from '../../../services/use-paged-list';
import { scopeFromParams } from '../shared/links';
import { EMPTY_TEXT, figureText, headingOf, kindFromParam, recordView, type RecordView } from '../shared/worker-records';
import '../shared/dashboard.scss';

/**
 * 网格员记录 (issue 16 item 1, worker level): the records behind one figure of a worker's card on 统计看板 —
 * patrol days with 达标, visits, log days, meetings with 出席/请假/缺席, reported cases (each opens the
 * case) — for the card's scope and period, newest first, more on request. One record a block, one fact a
 * line: no tables, so 特大字 reads as well as 标准.
 */
export default function WorkerRecordsPage() {
  const params = useRouter().params;
  const kind = kindFromParam(params.kind);
  const userId = params.userId ? decodeURIComponent(params.userId) : '';
  const name = params.name ? decodeURIComponent(params.name) : '';
  const period = { from: params.from ?? '', to: params.to ?? '' };
  const scope = scopeFromParams(params);
  const input = { kind, userId, period, ...(scope ? { scope } : {}) };
  // Pages with 加载更多 and a said failure, as every long list (issue 8 item 9).
  const list = usePagedList((after) => call('stats', 'workerRecords', after ? { ...input, after } : input), 'items');
  return (
    <PageShell title={`${name || '网格员'}的${headingOf(kind)}`}>
      <QueryView state={asQuery(list.state)} onRetry={list.reload}>
        {({ items, next, more, total, page }) => (
          <Section heading={`${page.name} ${headingOf(kind)}（${period.from} 至 ${period.to}）`}>
            <View className='section__text'>{figureText(kind, page.figures)}</View>
            {items.length === 0 && !next && <View className='section__text'>{EMPTY_TEXT[kind]}</View>}
            {items.map((item, i) => (
              <RecordBlock key={recordView(item, i).key} view={recordView(item, i)} />
            ))}
            {items.length > 0 && <LoadMore shown={items.length} next={next} total={total} more={more} onMore={list.loadMore} unit='条' />}
          </Section>
        )}
      </QueryView>
    </PageShell>
  );
}

function RecordBlock({ view }: { view: RecordView }) {
  const lines = view.lines.map((line, i) => <View key={i}>{line}</View>);
  if (!view.url) return <View className='drill-item'>{lines}</View>;
  const open = () => void Taro.navigateTo({ url: view.url! });
  return (
    <View className='drill-item' role='button' aria-label={view.ariaLabel} {...pressable(open)} onClick={open}>
      {lines}
    </View>
  );
}
