import { View } from '@tarojs/components';
import type { CaseDetail } from '../../domain/case/api';
import { CASE_STATE_LABELS } from '../../domain/case/case-state';
import { collapseRepeats } from '../../domain/case/timeline-collapse';
import { CasePhotos } from '../case-photos';
import { formatTime } from '../case-view/format-time';
import './index.scss';

type TimelineEvent = CaseDetail['timeline'][number];

/**
 * Every event of the case, oldest first: what happened, who, when, from → to, the note and its photos.
 * Automatic reminders repeated in a row show once with their count (issue 8 item 5).
 */
export function CaseTimeline({ events }: { events: readonly TimelineEvent[] }) {
  if (events.length === 0) return <View className='section__text'>还没有办理记录。</View>;
  return (
    <View className='case-timeline' role='list' aria-label='办理经过'>
      {collapseRepeats(events).map((e, i) => (
        <View key={`${e.at}-${i}`} className='case-timeline__event' role='listitem'>
          <View className='case-timeline__head'>
            <View className='case-timeline__what'>{e.typeLabel}</View>
            <View className='case-timeline__when'>{e.repeat > 1 ? `${formatTime(e.firstAt)} 至 ${formatTime(e.at)}，共 ${e.repeat} 次` : formatTime(e.at)}</View>
          </View>
          <View className='case-timeline__line'>
            {e.by.name}
            {e.by.roleLabel ? `（${e.by.roleLabel}）` : ''}
          </View>
          {e.from && e.to && e.from !== e.to && (
            <View className='case-timeline__line case-timeline__move'>
              {CASE_STATE_LABELS[e.from]} → {CASE_STATE_LABELS[e.to]}
            </View>
          )}
          {e.note && <View className='case-timeline__line case-timeline__note'>{e.note}</View>}
          <CasePhotos label={`${e.typeLabel}的照片`} photos={e.photoUrls.map((url) => ({ key: url, url }))} />
        </View>
      ))}
    </View>
  );
}
