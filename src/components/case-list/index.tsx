import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CaseSummary } from '../../domain/case/api';
import { CaseStateTag } from '../case-state';
import { formatTime } from '../case-view/format-time';
import { pressable } from '../case-choice/pressable';
import './index.scss';

interface CaseListProps {
  cases: readonly CaseSummary[];
  /** The page a card opens, e.g. the resident's detail or the staff handling page. */
  openUrl: (caseId: string) => string;
  empty: string;
}

/** Cases as big cards: category, state, the start of the description, when; tap to open. */
export function CaseList({ cases, openUrl, empty }: CaseListProps) {
  if (cases.length === 0) return <View className='section__text'>{empty}</View>;
  return (
    <View className='case-list' role='list'>
      {cases.map((c) => (
        <View key={c.caseId} role='listitem'>
        <View
          className='case-list__card'
          role='link'
          {...pressable(() => void Taro.navigateTo({ url: openUrl(c.caseId) }))}
          aria-label={`${c.categoryLabel}，${c.summary}，查看详情`}
          onClick={() => void Taro.navigateTo({ url: openUrl(c.caseId) })}
        >
          <View className='case-list__top'>
            <View className='case-list__category'>{c.categoryLabel}</View>
            <CaseStateTag state={c.state} />
          </View>
          <View className='case-list__summary'>{c.summary}</View>
          <View className='case-list__meta'>
            {formatTime(c.createdAt)} · {c.classLabel}
            {c.dueAt ? ` · 期限 ${formatTime(c.dueAt)}` : ''}
          </View>
          <View className='case-list__open'>查看详情 ›</View>
        </View>
        </View>
      ))}
    </View>
  );
}
