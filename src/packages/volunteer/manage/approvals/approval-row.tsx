import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Field } from '../../../../components/field';
import { VolunteerActivityCard } from '../../../../components/volunteer-activity-card';
import { call } from '../../../../services/call';
import { useSubmit } from '../../../../services/use-submit';
import { activityFacts } from '../../shared/activity-facts';
import type { ActivityDetail } from '../../shared/types';

/** One 其他 activity: what the community proposes, and the street's points for it. */
export function ApprovalRow({ activity, onDone }: { activity: ActivityDetail; onDone: () => void }) {
  const approved = activity.streetApprovalPoints;
  const [points, setPoints] = useState(String(approved ?? activity.expectedPoints));
  const [localError, setLocalError] = useState('');
  const submit = useSubmit();
  const value = Number(points);

  const approve = async () => {
    if (!(Number.isInteger(value) && value > 0 && value <= 100)) {
      setLocalError('请填写 1 到 100 之间的整数');
      return;
    }
    setLocalError('');
    const done = await submit.run(() => call('volunteer', 'approvePoints', { activityId: activity.activityId, expectedVersion: activity.version, points: value }));
    if (!done) return;
    await Taro.showToast({ title: '已确定分值', icon: 'success' });
    onDone();
  };

  const tag = approved === undefined ? ({ text: '待街道审批', tone: 'warn' } as const) : ({ text: `街道已定 ${approved} 分`, tone: 'good' } as const);
  const ok = Number.isInteger(value) && value > 0;
  return (
    <VolunteerActivityCard facts={{ ...activityFacts(activity), points: approved ?? activity.expectedPoints, tag }}>
      <View className='vol-activity__line'>社区：{activity.communityName}</View>
      {approved === undefined && <View className='vol-activity__line'>社区建议：每人 {activity.expectedPoints} 分</View>}
      <View className='vol-activity__line'>内容：{activity.content}</View>
      <Field label={`${activity.title}的分值`} kind='number' value={points} onChange={setPoints} error={localError || submit.fields.points} maxLength={3} />
      {submit.message !== '' && !submit.fields.points && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <BigButton kind={approved === undefined ? 'primary' : 'default'} disabled={submit.busy} onClick={() => void approve()}>
        {submit.busy ? '正在保存…' : !ok ? '同意这个分值' : approved === undefined ? `同意：每人 ${value} 分` : `改为：每人 ${value} 分`}
      </BigButton>
    </VolunteerActivityCard>
  );
}
