import { Picker, View } from '@tarojs/components';
import { dayText } from '../../shared/china-time-text';
import { chinaInstant } from '../../../../domain/calendar/china-time';

export interface When {
  /** "2026-12-01", China time. */
  day: string;
  start: string;
  end: string;
}

/** Date and start/end time as three big picker rows, each saying what it holds and that a tap changes it. */
export function WhenFields({ when, onChange, error }: { when: When; onChange: (w: When) => void; error?: string }) {
  const dayLabel = dayText(new Date(chinaInstant(when.day, '12:00')));
  return (
    <View className='field'>
      <View className='field__label' aria-hidden='true'>
        活动时间
      </View>
      <Picker mode='date' value={when.day} onChange={(e) => onChange({ ...when, day: String(e.detail.value) })}>
        <View className='vol-picker' role='button' aria-label={`日期：${dayLabel}，点此更改`}>
          日期：{dayLabel}（点此更改）
        </View>
      </Picker>
      <View style={{ height: '8px' }} />
      <Picker mode='time' value={when.start} onChange={(e) => onChange({ ...when, start: String(e.detail.value) })}>
        <View className='vol-picker' role='button' aria-label={`开始：${when.start}，点此更改`}>
          开始：{when.start}（点此更改）
        </View>
      </Picker>
      <View style={{ height: '8px' }} />
      <Picker mode='time' value={when.end} onChange={(e) => onChange({ ...when, end: String(e.detail.value) })}>
        <View className='vol-picker' role='button' aria-label={`结束：${when.end}，点此更改`}>
          结束：{when.end}（点此更改）
        </View>
      </Picker>
      {error && (
        <View className='field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
