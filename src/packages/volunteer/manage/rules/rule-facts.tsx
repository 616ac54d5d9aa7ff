import { View } from '@tarojs/components';
import type { ActionOutput } from '../../../../domain/api';

export type RulesView = ActionOutput<'volunteer', 'rules'>;
export type RuleView = RulesView['rules'][number];

/** "日常维修、管道疏通…" → "日常维修", short enough for a button label. */
export function shortName(activity: string): string {
  const first = activity.split(/[、，,]/)[0] ?? activity;
  return first.length > 10 ? `${first.slice(0, 10)}…` : first;
}

export function pointsText(rule: RuleView): string {
  return rule.points === null ? '分值逐次报街道审批' : `每次 ${rule.points} 分`;
}

/** One line of the points table: activity, points, on/off, source. */
export function RuleFacts({ rule }: { rule: RuleView }) {
  return (
    <>
      <View className='vol-row__title'>{rule.activity}</View>
      <View className='vol-row__meta'>
        <View className={`vol-tag${rule.active ? ' vol-tag--good' : ' vol-tag--off'}`}>{rule.active ? '启用' : '已停用'}</View>
        <View className='vol-rule__points' data-testid='rule-points'>
          {pointsText(rule)}
        </View>
      </View>
      {rule.requiresConfirmedCase && <View className='vol-row__meta'>线索经确认属实后才记分。</View>}
      <View className='vol-row__meta'>依据：{rule.source}</View>
    </>
  );
}
