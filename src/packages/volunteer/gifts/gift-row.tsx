import { useRef } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useSubmit } from '../../../services/use-submit';
import type { GiftView } from '../shared/types';

interface GiftRowProps {
  gift: GiftView;
  available: number;
  onRedeemed: (r: { pickupCode: string; points: number }) => void;
}

/** One gift: cost and stock in words, and why it can't be redeemed when it can't. */
export function GiftRow({ gift, available, onRedeemed }: GiftRowProps) {
  const submit = useSubmit();
  // One id per redemption the volunteer means: a retry after a network error re-sends it and redeems once.
  const requestId = useRef(newRequestId());
  const short = available < gift.pointsCost;
  const soldOut = gift.stock <= 0;

  const redeem = async () => {
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content: `用 ${gift.pointsCost} 分兑换“${gift.name}”？兑换后积分不退。`,
      confirmText: '确认兑换',
      cancelText: '不换了',
    });
    if (!confirm) return;
    const res = await submit.run(() => call('volunteer', 'redeem', { giftId: gift.giftId, requestId: requestId.current }));
    if (!res) return;
    requestId.current = newRequestId();
    onRedeemed({ pickupCode: res.pickupCode, points: res.points });
  };

  return (
    <View className='vol-row'>
      <View className='vol-row__title'>{gift.name}</View>
      <View className='vol-row__meta'>
        需要 {gift.pointsCost} 分 · 还剩 {gift.stock} 件
      </View>
      {soldOut && <View className='section__text'>已经兑完了。</View>}
      {!soldOut && short && <View className='section__text'>积分还差 {gift.pointsCost - available} 分。</View>}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      {!soldOut && !short && (
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void redeem()}>
          {submit.busy ? '正在兑换…' : `兑换：${gift.name}`}
        </BigButton>
      )}
    </View>
  );
}
