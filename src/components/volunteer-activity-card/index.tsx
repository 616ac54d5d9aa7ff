import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

export interface ActivityCardFacts {
  title: string;
  /** Already written out for reading, e.g. "12月1日 周二 09:00–11:00". */
  when: string;
  place: string;
  points: number;
  signedUp: number;
  headcount: number;
  /** A short state word in a tag: 报名中 / 已满 / 已取消 / 已完成 / 我已报名. */
  tag?: { text: string; tone: 'good' | 'warn' | 'off' | 'plain' };
}

/** One activity as a card: what, when, where, how many points, how many places left; actions go below. */
export function VolunteerActivityCard({ facts, children }: PropsWithChildren<{ facts: ActivityCardFacts }>) {
  const left = Math.max(0, facts.headcount - facts.signedUp);
  return (
    <View className='vol-activity'>
      <View className='vol-activity__title' role='heading' aria-level={3}>
        {facts.title}
      </View>
      {facts.tag && <View className={`vol-activity__tag vol-activity__tag--${facts.tag.tone}`}>{facts.tag.text}</View>}
      <View className='vol-activity__line'>时间：{facts.when}</View>
      <View className='vol-activity__line'>地点：{facts.place}</View>
      <View className='vol-activity__line'>
        积分：每人 <View className='vol-activity__strong'>{facts.points} 分</View>
      </View>
      <View className='vol-activity__line'>
        名额：已报 {facts.signedUp} 人 / 共 {facts.headcount} 人{left > 0 ? `，还剩 ${left} 个` : '，已满'}
      </View>
      {children}
    </View>
  );
}
