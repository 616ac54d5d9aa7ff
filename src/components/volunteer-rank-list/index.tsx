import { View } from '@tarojs/components';
import './index.scss';

export interface RankRow {
  rank: number;
  name: string;
  points: number;
  /** Community name, shown in the street ranking. */
  place?: string;
  /** The row of the person looking at the list. */
  isMe?: boolean;
}

/** 积分排行: rank, name, points in one row each; the viewer's own row stands out and says 我. */
export function VolunteerRankList({ rows, emptyText = '还没有人获得积分。' }: { rows: readonly RankRow[]; emptyText?: string }) {
  if (rows.length === 0) return <View className='section__text'>{emptyText}</View>;
  return (
    <View className='vol-rank' role='list'>
      {rows.map((r) => (
        <View key={`${r.rank}-${r.name}-${r.place ?? ''}`} role='listitem' className={`vol-rank__row${r.isMe ? ' vol-rank__row--me' : ''}`}>
          <View className='vol-rank__rank'>第{r.rank}名</View>
          <View className='vol-rank__who'>
            <View className='vol-rank__name'>
              {r.name}
              {r.isMe ? '（我）' : ''}
            </View>
            {r.place && <View className='vol-rank__place'>{r.place}</View>}
          </View>
          <View className='vol-rank__points'>{r.points} 分</View>
        </View>
      ))}
    </View>
  );
}
