import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import type { MyMeetingView } from '../../../domain/meeting/api';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import { clockText } from '../../volunteer/shared/china-time-text';
import { canScan, scanMeetingCode } from '../shared/scan';
import { StatusBadge } from '../shared/status-badge';

interface AttendeePartProps {
  meeting: MyMeetingView;
  /** The code a scan brought (weapp): signed in with at once. */
  scannedCode: string;
  onChanged: () => void;
}

/** The invited person's part: their status, sign in by code (typed or scanned), or ask leave with a reason. */
export function AttendeePart({ meeting, scannedCode, onChanged }: AttendeePartProps) {
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const signing = useSubmit();
  const leave = useSubmit();
  const { mine } = meeting;
  const open = !meeting.cancelled && (mine.status === 'expected' || mine.status === 'leave_pending');

  const signIn = async (typed: string) => {
    const done = await signing.run(() => call('meeting', 'signIn', { meetingId: meeting.meetingId, code: typed }));
    if (!done) return;
    await Taro.showToast({ title: '签到成功', icon: 'success' });
    onChanged();
  };

  // A scanned code signs in once, straight away.
  const usedScan = useRef(false);
  useEffect(() => {
    if (!scannedCode || usedScan.current || !open) return;
    usedScan.current = true;
    void signIn(scannedCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scannedCode, open]);

  const scan = async () => {
    const scanned = await scanMeetingCode();
    if (!scanned || scanned.meetingId !== meeting.meetingId) {
      await Taro.showToast({ title: '这不是本次会议的签到码', icon: 'none' });
      return;
    }
    await signIn(scanned.code);
  };

  const askLeave = async () => {
    const done = await leave.run(() => call('meeting', 'requestLeave', { meetingId: meeting.meetingId, reason }));
    if (!done) return;
    setAsking(false);
    await Taro.showToast({ title: '已提交请假', icon: 'success' });
    onChanged();
  };

  return (
    <Section heading='我的签到'>
      <View className='section__text'>
        <StatusBadge status={mine.status} label={mine.statusLabel} />
        {mine.signedInAt ? `签到时间 ${clockText(mine.signedInAt)}` : ''}
      </View>
      {mine.leave && (
        <View className='section__text'>
          请假理由：{mine.leave.reason}
          {mine.leave.decision === 'rejected' ? '（组织人未批准，请按时参会）' : ''}
          {mine.leave.note ? `；组织人意见：${mine.leave.note}` : ''}
        </View>
      )}
      {open && (
        <>
          <View className='section__help'>签到时间：{clockText(meeting.signInOpensAt)} 至 {clockText(meeting.signInClosesAt)}。</View>
          {canScan && (
            <BigButton kind='primary' disabled={signing.busy} onClick={() => void scan()}>
              {signing.busy ? '正在签到…' : '扫码签到'}
            </BigButton>
          )}
          <Field label='签到码' kind='number' value={code} onChange={setCode} error={signing.fields.code} maxLength={7} placeholder='会场公布的6位数字' />
          {signing.message !== '' && !signing.fields.code && (
            <View className='section__error' role='alert'>
              {signing.message}
            </View>
          )}
          <BigButton kind={canScan ? 'default' : 'primary'} disabled={signing.busy} onClick={() => void signIn(code)}>
            {signing.busy ? '正在签到…' : '输入签到码签到'}
          </BigButton>
        </>
      )}
      {open && mine.status === 'expected' && !asking && <BigButton onClick={() => setAsking(true)}>不能参加，请假</BigButton>}
      {asking && (
        <>
          <Field label='请假理由' kind='multiline' value={reason} onChange={setReason} error={leave.fields.reason} maxLength={200} placeholder='例如：陪同居民就医' />
          {leave.message !== '' && !leave.fields.reason && (
            <View className='section__error' role='alert'>
              {leave.message}
            </View>
          )}
          <BigButton kind='primary' disabled={leave.busy} onClick={() => void askLeave()}>
            {leave.busy ? '正在提交…' : '提交请假'}
          </BigButton>
        </>
      )}
    </Section>
  );
}
