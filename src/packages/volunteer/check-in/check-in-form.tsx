import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import { clockText, timeRangeText } from '../shared/china-time-text';
import { canScan, normalizeCode, scanActivityCode } from '../shared/scan-code';
import type { ActivitySummary } from '../shared/types';

interface CheckInFormProps {
  /** Null: the activity is not known yet (weapp scan names it). */
  activity: ActivitySummary | null;
  onDone: () => void;
}

/** weapp: 扫码签到 (the camera); the code can always be typed in too (H5 has no camera scan). */
export function CheckInForm({ activity, onDone }: CheckInFormProps) {
  const [code, setCode] = useState('');
  const [doneAt, setDoneAt] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = useSubmit();

  const send = async (activityId: string, typed: string) => {
    // The button stays enabled: a greyed-out button does not tell an elderly user what is missing.
    setEmpty(typed.trim() === '');
    if (typed.trim() === '') return;
    const res = await submit.run(() => call('volunteer', 'checkIn', { activityId, code: normalizeCode(typed) }));
    if (!res) return;
    setDoneAt(res.checkedInAt);
    await Taro.showToast({ title: '签到成功', icon: 'success' });
    onDone();
  };

  const scan = async () => {
    const scanned = await scanActivityCode();
    if (!scanned) return;
    const activityId = scanned.activityId ?? activity?.activityId;
    if (!activityId) {
      await Taro.showToast({ title: '这不是活动签到码', icon: 'none' });
      return;
    }
    await send(activityId, scanned.code);
  };

  if (doneAt !== '' || activity?.mine === 'checked_in') {
    return (
      <Section heading='签到成功'>
        <View className='vol-done' role='status'>
          ✓ {activity ? `“${activity.title}”` : ''}已签到{doneAt ? `（${clockText(doneAt)}）` : ''}
        </View>
        <View className='section__text'>谢谢参加！组织人确认活动完成后，积分会记到您名下。</View>
      </Section>
    );
  }

  return (
    <Section heading={activity ? activity.title : '扫码签到'}>
      {activity && (
        <View className='section__text'>
          {timeRangeText(activity.startAt, activity.endAt)} · {activity.place}
        </View>
      )}
      {canScan && (
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void scan()}>
          {submit.busy ? '正在签到…' : '扫码签到'}
        </BigButton>
      )}
      {activity && (
        <>
          <View className='section__help'>{canScan ? '扫不了码时，也可以输入现场的签到码：' : '请输入活动现场公布的签到码（向组织人询问）。'}</View>
          <Field label='签到码' value={code} onChange={setCode} error={empty ? '请先输入签到码' : submit.fields.code} maxLength={64} placeholder='现场公布的签到码' />
          {submit.message !== '' && !submit.fields.code && (
            <View className='section__error' role='alert'>
              {submit.message}
            </View>
          )}
          <BigButton kind={canScan ? 'default' : 'primary'} disabled={submit.busy} onClick={() => void send(activity.activityId, code)}>
            {submit.busy ? '正在签到…' : '签到'}
          </BigButton>
        </>
      )}
      {!activity && submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
    </Section>
  );
}
