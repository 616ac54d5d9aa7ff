import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Field } from '../../../../components/field';
import { call } from '../../../../services/call';
import { useSubmit } from '../../../../services/use-submit';
import { dateTimeText } from '../../shared/china-time-text';
import type { RedemptionView } from '../../shared/types';

export function PickupRow({ redemption: r, onDone }: { redemption: RedemptionView; onDone: () => void }) {
  const [code, setCode] = useState('');
  const submit = useSubmit();
  const mark = async () => {
    const done = await submit.run(() => call('volunteer', 'markPickedUp', { redemptionId: r.redemptionId, pickupCode: code.trim() }));
    if (!done) return;
    await Taro.showToast({ title: '已登记领取', icon: 'success' });
    onDone();
  };
  return (
    <View className='vol-row'>
      <View className='vol-row__title'>
        {r.volunteerName}：{r.giftName}
      </View>
      <View className='vol-row__meta'>
        {dateTimeText(r.at)} 兑换 · {Math.abs(r.points)} 分
      </View>
      <Field label={`${r.volunteerName}的取货码`} kind='number' value={code} onChange={setCode} error={submit.fields.pickupCode} maxLength={6} placeholder='6位数字' />
      {submit.message !== '' && !submit.fields.pickupCode && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void mark()}>
        {submit.busy ? '正在登记…' : '确认已领取'}
      </BigButton>
    </View>
  );
}
