import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { isCompletedActivity, stateAllows } from '../../../../domain/volunteer/activity-rules';
import { useSubmit } from '../../../../services/use-submit';
import { clockText, dateTimeText } from '../../shared/china-time-text';
import type { ActivityDetail } from '../../shared/types';

/** 报名名单: who holds a place, who has checked in; the organiser checks people in and confirms completion. */
export function AttendanceSection({ activity: a, onChanged }: { activity: ActivityDetail; onChanged: () => void }) {
  const submit = useSubmit();
  const signups = a.signups ?? [];
  const attended = signups.filter((s) => s.checkedInAt);
  const open = stateAllows('checkInFor', a);

  const checkInFor = async (volunteerId: string, name: string) => {
    const done = await submit.run(() => call('volunteer', 'checkInFor', { activityId: a.activityId, volunteerId }));
    if (!done) return;
    await Taro.showToast({ title: `${name}已签到`, icon: 'success' });
    onChanged();
  };

  const complete = async () => {
    const { confirm } = await Taro.showModal({
      title: '确认活动完成',
      content: `给已签到的 ${attended.length} 人各记 ${a.expectedPoints} 分？记分后不能修改，只能另行更正。`,
      confirmText: '确认记分',
      cancelText: '再看看',
    });
    if (!confirm) return;
    const done = await submit.run(() => call('volunteer', 'complete', { activityId: a.activityId, attendedVolunteerIds: attended.map((s) => s.volunteerId) }));
    if (!done) return;
    await Taro.showToast({ title: `已给${done.awarded}人记分`, icon: 'success' });
    onChanged();
  };

  const confirmStaffAward = async (volunteerId: string, name: string) => {
    const done = await submit.run(() => call('volunteer', 'confirmStaffAward', { activityId: a.activityId, volunteerId }));
    if (!done) return;
    await Taro.showToast({ title: `已给${name}记 ${done.points} 分`, icon: 'success' });
    onChanged();
  };

  return (
    <Section heading={`报名名单（${signups.length}/${a.headcount} 人，已签到 ${attended.length} 人）`}>
      {signups.length === 0 && <View className='section__text'>还没有人报名。</View>}
      {signups.map((s) => (
        <View key={s.volunteerId} className='vol-row'>
          <View className='vol-row__title'>{s.name}</View>
          <View className='vol-row__meta'>报名：{dateTimeText(s.signedAt)}</View>
          {s.checkedInAt ? (
            <View className='vol-tag vol-tag--good'>已签到 {clockText(s.checkedInAt)}</View>
          ) : open ? (
            <BigButton disabled={submit.busy} onClick={() => void checkInFor(s.volunteerId, s.name)}>
              替{s.name}签到
            </BigButton>
          ) : (
            <View className='vol-tag'>未签到</View>
          )}
          {s.staffAward && <StaffAward row={s} busy={submit.busy} onConfirm={() => void confirmStaffAward(s.volunteerId, s.name)} />}
        </View>
      ))}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      {open && (
        <>
          <View className='section__help'>活动结束后，确认完成，系统给已签到的志愿者记分。</View>
          <BigButton kind='primary' disabled={submit.busy || attended.length === 0} onClick={() => void complete()}>
            {submit.busy ? '正在提交…' : `确认活动完成，给 ${attended.length} 人记分`}
          </BigButton>
        </>
      )}
      {isCompletedActivity(a) && (
        <View className='vol-done' role='status'>
          ✓ 活动已完成，已给 {attended.length} 人各记 {a.expectedPoints} 分
        </View>
      )}
    </Section>
  );
}

type SignupRow = NonNullable<ActivityDetail['signups']>[number];

/** Issue 10 item 4: a staff participant's points wait for another staff member; the server says who may confirm. */
function StaffAward({ row, busy, onConfirm }: { row: SignupRow; busy: boolean; onConfirm: () => void }) {
  if (row.staffAward === 'confirmed') return <View className='vol-tag vol-tag--good'>工作人员积分已确认</View>;
  if (!row.canConfirmAward) return <View className='vol-row__meta'>工作人员参加活动，积分须由另一名工作人员确认。</View>;
  return (
    <BigButton disabled={busy} onClick={onConfirm}>
      确认{row.name}的积分
    </BigButton>
  );
}
