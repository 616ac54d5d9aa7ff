import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { isCompletedActivity, stateAllows } from '../../../../domain/volunteer/activity-rules';
import { useSubmit } from '../../../../services/use-submit';
import { allPages } from '../../../../services/all-pages';
import { asQuery, usePagedList } from '../../../../services/use-paged-list';
import { LoadMore } from '../../../../components/load-more';
import { QueryView } from '../../../../components/query-view';
import { clockText, dateTimeText } from '../../shared/china-time-text';
import type { ActivityDetail, SignupRow } from '../../shared/types';

/**
 * 报名名单: who holds a place, who has checked in, a page at a time (`volunteer.signups`); the organiser
 * checks people in and confirms completion.
 */
export function AttendanceSection({ activity: a, onChanged }: { activity: ActivityDetail; onChanged: () => void }) {
  const submit = useSubmit();
  const list = usePagedList((after) => call('volunteer', 'signups', { activityId: a.activityId, ...(after ? { after } : {}) }), 'signups');
  const open = stateAllows('checkInFor', a);
  const changed = () => {
    list.reload();
    onChanged();
  };

  const checkInFor = async (volunteerId: string, name: string) => {
    const done = await submit.run(() => call('volunteer', 'checkInFor', { activityId: a.activityId, volunteerId }));
    if (!done) return;
    await Taro.showToast({ title: `${name}已签到`, icon: 'success' });
    changed();
  };

  const complete = async (attended: number) => {
    const { confirm } = await Taro.showModal({
      title: '确认活动完成',
      content: `给已签到的 ${attended} 人各记 ${a.expectedPoints} 分？记分后不能修改，只能另行更正。`,
      confirmText: '确认记分',
      cancelText: '再看看',
    });
    if (!confirm) return;
    const done = await submit.run(async () => {
      // Everyone checked in, from every page of the list, not only the pages shown.
      const everyone = await allPages((after) => call('volunteer', 'signups', { activityId: a.activityId, limit: 100, ...(after ? { after } : {}) }), 'signups');
      return call('volunteer', 'complete', { activityId: a.activityId, attendedVolunteerIds: everyone.filter((s) => s.checkedInAt).map((s) => s.volunteerId) });
    });
    if (!done) return;
    await Taro.showToast({ title: `已给${done.awarded}人记分`, icon: 'success' });
    changed();
  };

  const confirmStaffAward = async (volunteerId: string, name: string) => {
    const done = await submit.run(() => call('volunteer', 'confirmStaffAward', { activityId: a.activityId, volunteerId }));
    if (!done) return;
    await Taro.showToast({ title: `已给${name}记 ${done.points} 分`, icon: 'success' });
    changed();
  };

  return (
    <QueryView state={asQuery(list.state)} onRetry={list.reload}>
      {({ items: signups, next, total, more, page }) => (
        <Roster activity={a} signups={signups} holders={total ?? signups.length} attended={page.checkedIn} open={open} busy={submit.busy} message={submit.message}
          onCheckIn={(s) => void checkInFor(s.volunteerId, s.name)} onConfirm={(s) => void confirmStaffAward(s.volunteerId, s.name)} onComplete={() => void complete(page.checkedIn)}>
          <LoadMore shown={signups.length} next={next} total={total} more={more} onMore={list.loadMore} unit='人' />
        </Roster>
      )}
    </QueryView>
  );
}

interface RosterProps {
  activity: ActivityDetail;
  signups: readonly SignupRow[];
  /** How many hold a place and how many checked in, over the whole list (not the pages shown). */
  holders: number;
  attended: number;
  open: boolean;
  busy: boolean;
  message: string;
  onCheckIn: (s: SignupRow) => void;
  onConfirm: (s: SignupRow) => void;
  onComplete: () => void;
  children: ReactNode;
}

function Roster({ activity: a, signups, holders, attended, open, busy, message, onCheckIn, onConfirm, onComplete, children }: RosterProps) {
  return (
    <Section heading={`报名名单（${holders}/${a.headcount} 人，已签到 ${attended} 人）`}>
      {signups.length === 0 && <View className='section__text'>还没有人报名。</View>}
      {signups.map((s) => (
        <View key={s.volunteerId} className='vol-row'>
          <View className='vol-row__title'>{s.name}</View>
          <View className='vol-row__meta'>报名：{dateTimeText(s.signedAt)}</View>
          {s.checkedInAt ? (
            <View className='vol-tag vol-tag--good'>已签到 {clockText(s.checkedInAt)}</View>
          ) : open ? (
            <BigButton disabled={busy} onClick={() => onCheckIn(s)}>
              替{s.name}签到
            </BigButton>
          ) : (
            <View className='vol-tag'>未签到</View>
          )}
          {s.staffAward && <StaffAward row={s} busy={busy} onConfirm={() => onConfirm(s)} />}
        </View>
      ))}
      {children}
      {message !== '' && (
        <View className='section__error' role='alert'>
          {message}
        </View>
      )}
      {open && (
        <>
          <View className='section__help'>活动结束后，确认完成，系统给已签到的志愿者记分。</View>
          <BigButton kind='primary' disabled={busy || attended === 0} onClick={onComplete}>
            {busy ? '正在提交…' : `确认活动完成，给 ${attended} 人记分`}
          </BigButton>
        </>
      )}
      {isCompletedActivity(a) && (
        <View className='vol-done' role='status'>
          ✓ 活动已完成，已给 {attended} 人各记 {a.expectedPoints} 分
        </View>
      )}
    </Section>
  );
}

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
