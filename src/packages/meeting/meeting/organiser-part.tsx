import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { VolunteerQr } from '../../../components/volunteer-qr';
import type { OrganisedMeetingView } from '../../../domain/meeting/api';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import { clockText } from '../../volunteer/shared/china-time-text';
import { groupCode, meetingQrText } from '../shared/scan';
import { StatusBadge } from '../shared/status-badge';

/** The organising staff's part: the code and QR to show the room, who came, leave to decide, calling it off. */
export function OrganiserPart({ meeting, onChanged }: { meeting: OrganisedMeetingView; onChanged: () => void }) {
  const decide = useSubmit();
  const cancelling = useSubmit();
  const [cancelReason, setCancelReason] = useState('');
  const [askCancel, setAskCancel] = useState(false);
  const c = meeting.counts;

  const decideLeave = async (attendeeId: string, decision: 'approved' | 'rejected') => {
    const done = await decide.run(() => call('meeting', 'decideLeave', { meetingId: meeting.meetingId, attendeeId, decision }));
    if (!done) return;
    await Taro.showToast({ title: decision === 'approved' ? '已准假' : '已不准假', icon: 'success' });
    onChanged();
  };

  const cancel = async () => {
    const done = await cancelling.run(() => call('meeting', 'cancel', { meetingId: meeting.meetingId, reason: cancelReason }));
    if (!done) return;
    await Taro.showToast({ title: '会议已取消', icon: 'success' });
    onChanged();
  };

  return (
    <>
      {!meeting.cancelled && !meeting.ended && (
        <Section heading='签到码（请在会场出示）'>
          <View className='mt-code' aria-label={`签到码 ${meeting.checkInCode.split('').join(' ')}`}>
            {groupCode(meeting.checkInCode)}
          </View>
          <VolunteerQr text={meetingQrText(meeting.meetingId, meeting.checkInCode)} label={`${meeting.title}的签到二维码`} />
          <View className='section__help'>
            参会人用微信扫码，或在“我的会议”里输入这6位数字。签到时间 {clockText(meeting.signInOpensAt)} 至 {clockText(meeting.signInClosesAt)}。
          </View>
        </Section>
      )}
      <Section heading={`到会情况（应到 ${c.invited} 人）`}>
        <View className='section__text'>
          已签到 {c.present} · 已准假 {c.onLeave} · 请假待批 {c.leavePending} · 缺席 {c.absent} · 未签到 {c.expected}
        </View>
        {decide.message !== '' && (
          <View className='section__error' role='alert'>
            {decide.message}
          </View>
        )}
        {meeting.attendees.map((a) => (
          <View key={a.userId} className='mt-row'>
            <View className='mt-row__title'>
              <StatusBadge status={a.status} label={a.statusLabel} />
              {a.name}
              {a.signedInAt ? ` ${clockText(a.signedInAt)}` : ''}
            </View>
            {a.leave && <View className='mt-row__meta'>请假理由：{a.leave.reason}</View>}
            {a.status === 'leave_pending' && (
              <View className='section__actions'>
                <BigButton kind='primary' disabled={decide.busy} onClick={() => void decideLeave(a.userId, 'approved')}>
                  准假：{a.name}
                </BigButton>
                <BigButton disabled={decide.busy} onClick={() => void decideLeave(a.userId, 'rejected')}>
                  不准假：{a.name}
                </BigButton>
              </View>
            )}
          </View>
        ))}
      </Section>
      {!meeting.cancelled && !meeting.ended && (
        <Section heading='取消会议'>
          {!askCancel && <BigButton onClick={() => setAskCancel(true)}>取消这次会议</BigButton>}
          {askCancel && (
            <>
              <Field label='取消原因' value={cancelReason} onChange={setCancelReason} error={cancelling.fields.reason} maxLength={100} placeholder='例如：与区里会议冲突' />
              {cancelling.message !== '' && !cancelling.fields.reason && (
                <View className='section__error' role='alert'>
                  {cancelling.message}
                </View>
              )}
              <BigButton kind='primary' disabled={cancelling.busy} onClick={() => void cancel()}>
                确认取消会议
              </BigButton>
            </>
          )}
        </Section>
      )}
    </>
  );
}
