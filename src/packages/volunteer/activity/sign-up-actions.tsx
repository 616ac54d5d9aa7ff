import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { SubscribePrompt } from '../../../components/subscribe-prompt';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import { clockText, dateTimeText } from '../shared/china-time-text';
import { go } from '../shared/go';
import { isCancelledActivity, isCompletedActivity } from '../../../domain/volunteer/activity-rules';
import type { ActivityDetail } from '../shared/types';

interface SignUpActionsProps {
  activity: ActivityDetail;
  onChanged: () => void;
}

/** What the volunteer can do now, as one or two big buttons, with the reason written out when they can't. */
export function SignUpActions({ activity: a, onChanged }: SignUpActionsProps) {
  const submit = useSubmit();

  const signUp = async () => {
    const done = await submit.run(() => call('volunteer', 'signUp', { activityId: a.activityId }));
    if (!done) return;
    await Taro.showToast({ title: '报名成功', icon: 'success' });
    onChanged();
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消报名', content: `确定不参加“${a.title}”了吗？名额会让给其他志愿者。`, confirmText: '确定取消', cancelText: '再想想' });
    if (!confirm) return;
    const done = await submit.run(() => call('volunteer', 'cancelSignUp', { activityId: a.activityId }));
    if (!done) return;
    await Taro.showToast({ title: '已取消报名', icon: 'success' });
    onChanged();
  };

  const error =
    submit.message !== '' ? (
      <View className='section__error' role='alert'>
        {submit.message}
      </View>
    ) : null;

  if (isCancelledActivity(a)) return <Notice heading='活动已取消' text='这个活动已经取消，不用前往。' />;
  if (isCompletedActivity(a)) {
    return <Notice heading='活动已结束' text={a.mine === 'checked_in' ? '您参加了这次活动，积分已记入“我的积分”。' : '这个活动已经结束。'} />;
  }
  if (a.mine === 'checked_in') return <Notice heading='您已签到' text='谢谢参加！组织人确认活动完成后，积分会记到您名下。' />;
  if (a.mine === 'signed_up') {
    return (
      <>
      <Section heading='您已报名'>
        <View className='vol-done' role='status'>
          ✓ 已报名，请按时到场
        </View>
        <View className='section__text'>
          到了活动地点，点下面的“签到”，扫现场的二维码或输入签到码。签到从 {dateTimeText(a.opensAt)} 开始，到 {clockText(a.closesAt)} 结束。
        </View>
        {error}
        <View className='section__actions'>
          {/* Not the primary action days before the start: the label says when to use it. */}
          <BigButton onClick={() => go('check-in', { activityId: a.activityId })}>到了现场，点这里签到</BigButton>
          {a.actions.includes('cancelSignUp') && (
            <BigButton disabled={submit.busy} onClick={() => void cancel()}>
              {submit.busy ? '正在取消…' : '取消报名'}
            </BigButton>
          )}
        </View>
        <View className='section__help'>活动开始前可以取消报名。</View>
      </Section>
      <SubscribePrompt activityId={a.activityId} what='活动开始前一天' />
      </>
    );
  }
  if (a.taken >= a.headcount) return <Notice heading='名额已满' text='这个活动的名额已经报满了，看看其他活动吧。' />;
  // The server lists what this caller may do (the activity rule table): e.g. organisers never sign up for their own activity.
  if (!a.actions.includes('signUp')) return <Notice heading='不能报名' text={a.canManage ? '您是这个活动的组织者，组织者不报名自己组织的活动。' : '这个活动现在不能报名（报名已截止，或不是您所在社区的活动）。'} />;
  return (
    <Section heading='报名'>
      <View className='section__text'>报名先到先得，报满为止。</View>
      {error}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void signUp()}>
        {submit.busy ? '正在报名…' : '我要报名'}
      </BigButton>
    </Section>
  );
}

function Notice({ heading, text }: { heading: string; text: string }) {
  return (
    <Section heading={heading}>
      <View className='section__text'>{text}</View>
    </Section>
  );
}
