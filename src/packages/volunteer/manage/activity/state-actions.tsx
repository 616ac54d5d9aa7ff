import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Field } from '../../../../components/field';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { stateAllows } from '../../../../domain/volunteer/activity-rules';
import { useSubmit } from '../../../../services/use-submit';
import type { ActivityDetail } from '../../shared/types';

/** Publish a draft; cancel a draft or a published activity (with a reason the volunteers will see). */
export function ActivityStateActions({ activity: a, onChanged }: { activity: ActivityDetail; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  if (!stateAllows('cancel', a)) return null;

  const publish = async () => {
    const done = await submit.run(() => call('volunteer', 'publishActivity', { activityId: a.activityId, expectedVersion: a.version }));
    if (!done) return;
    await Taro.showToast({ title: '已发布', icon: 'success' });
    onChanged();
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消活动', content: `确定取消“${a.title}”吗？已报名的志愿者会看到活动已取消。`, confirmText: '确定取消', cancelText: '不取消' });
    if (!confirm) return;
    const done = await submit.run(() => call('volunteer', 'cancelActivity', { activityId: a.activityId, expectedVersion: a.version, reason }));
    if (!done) return;
    await Taro.showToast({ title: '活动已取消', icon: 'success' });
    onChanged();
  };

  return (
    <Section heading={stateAllows('publish', a) ? '发布或取消' : '取消活动'}>
      {stateAllows('publish', a) && (
        <>
          <View className='section__text'>草稿还没有发布，志愿者看不到。</View>
          <BigButton kind='primary' disabled={submit.busy} onClick={() => void publish()}>
            {submit.busy ? '正在发布…' : '发布活动'}
          </BigButton>
        </>
      )}
      <Field label='取消原因' value={reason} onChange={setReason} error={submit.fields.reason} placeholder='如 下雨改期' maxLength={200} />
      {submit.message !== '' && !submit.fields.reason && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <BigButton disabled={submit.busy} onClick={() => void cancel()}>
        取消这个活动
      </BigButton>
    </Section>
  );
}
