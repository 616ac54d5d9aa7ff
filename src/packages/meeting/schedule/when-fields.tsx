import { Picker, View } from '@tarojs/components';
import { dayText } from '../../volunteer/shared/china-time-text';

export interface When {
  /** "2026-12-04", China time. */
  day: string;
  start: string;
  end: string;
}

/** Date and start/end time as three big picker rows, each saying what it holds and that a tap changes it. */
export function WhenFields({ when, onChange, error }: { when: When; onChange: (w: When) => void; error?: string }) {
  const dayLabel = dayText(`${when.day}T12:00:00+08:00`);
  const row = (mode: 'date' | 'time', value: string, text: string, set: (v: string) => void) => (
    <Picker mode={mode} value={value} onChange={(e) => set(String(e.detail.value))}>
      <View className='mt-picker' role='button' aria-label={`${text}，点此更改`}>
        {text}（点此更改）
      </View>
    </Picker>
  );
  return (
    <View className='field'>
      <View className='field__label' aria-hidden='true'>
        会议时间
      </View>
      {row('date', when.day, `日期：${dayLabel}`, (day) => onChange({ ...when, day }))}
      <View style={{ height: '8px' }} />
      {row('time', when.start, `开始：${when.start}`, (start) => onChange({ ...when, start }))}
      <View style={{ height: '8px' }} />
      {row('time', when.end, `结束：${when.end}`, (end) => onChange({ ...when, end }))}
      {error && (
        <View className='field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
