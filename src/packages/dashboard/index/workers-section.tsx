import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from '../../../components/case-choice/pressable';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { Period, ScopeInput } from '../../../domain/stats';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { workerCards, type WorkerLine } from '../shared/worker-figures';

/**
 * 网格员工作情况 (issue 16 item 1, the worker level): a card per worker of the scope — 有效信息, 参会, patrol
 * days, visits and log days, the cases they signed for — one figure a line so 特大字 never squeezes a table; each line opens
 * the records behind it (the work figures: packages/dashboard/worker, stats.workerRecords; the case figures: the cases). The parent remounts it per scope and period.
 */
export function WorkersSection({ scope, period }: { scope: ScopeInput; period: Period }) {
  const { state, reload } = useQuery(() => call('stats', 'workers', { scope, period }));
  return (
    <Section heading='网格员工作情况'>
      <QueryView state={state} onRetry={reload}>
        {({ workers, workNote }) => (
          <>
            {workNote && <View className='section__help'>有效信息和参会暂不能统计：{workNote}</View>}
            {workers.length === 0 && <View className='section__text'>本范围内没有网格员。</View>}
            {workerCards(workers, period, scope).map((card) => (
              <View key={card.userId} className='worker-card'>
                <View className='worker-card__name'>{card.name}</View>
                {card.lines.map((line) => (
                  <FigureLine key={line.label} who={card.name} line={line} />
                ))}
              </View>
            ))}
            <View className='section__help'>有效信息：本期本人上报的事件数；参会：实参会 / 应参会（批准的请假按街道规则不计入）；巡查达标天数：当天巡查累计达到街道每日时长的天数；点击有效信息、参会、巡查、走访、日志查看该网格员本期的每一条记录；事件各项只算本人签收的事件，点击查看这些事件。</View>
          </>
        )}
      </QueryView>
    </Section>
  );
}

// The street's own figures read '立案数 2，查看明细' too: the worker's name keeps each line's name its own.
function FigureLine({ who, line }: { who: string; line: WorkerLine }) {
  if (!line.url) {
    return (
      <View className='worker-card__line'>
        {line.label}：{line.text}
      </View>
    );
  }
  const open = () => void Taro.navigateTo({ url: line.url! });
  return (
    <View className='worker-card__line worker-card__line--link' role='button' aria-label={`${who} ${line.label} ${line.text}，查看明细`} {...pressable(open)} onClick={open}>
      {line.label}：<View className='dash-link'>{line.text}</View>
    </View>
  );
}
