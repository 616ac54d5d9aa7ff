import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

export interface LedgerLine {
  key: string;
  /** 获得积分 / 积分更正 / 兑换礼品 … */
  kindLabel: string;
  /** "+2 分" or "−2 分". */
  pointsText: string;
  gain: boolean;
  what: string;
  /** "11月24日 周二 10:30 · 刘建国记" */
  meta: string;
  /** e.g. "已更正" under an award that was reversed. */
  note?: string;
  /** Staff pages put a correction button here. */
  action?: ReactNode;
}

/** 积分明细: newest first, one line per ledger entry, the points big on the right. */
export function VolunteerLedgerList({ lines, emptyText = '还没有积分记录。' }: { lines: readonly LedgerLine[]; emptyText?: string }) {
  if (lines.length === 0) return <View className='section__text'>{emptyText}</View>;
  return (
    <View role='list'>
      {lines.map((l) => (
        <View key={l.key} role='listitem' className='vol-ledger__row'>
          <View className='vol-ledger__top'>
            <View className='vol-ledger__kind'>{l.kindLabel}</View>
            <View className={`vol-ledger__points vol-ledger__points--${l.gain ? 'gain' : 'loss'}`}>{l.pointsText}</View>
          </View>
          {l.what !== '' && <View className='vol-ledger__what'>{l.what}</View>}
          <View className='vol-ledger__meta'>{l.meta}</View>
          {l.note && <View className='vol-ledger__note'>{l.note}</View>}
          {l.action}
        </View>
      ))}
    </View>
  );
}
