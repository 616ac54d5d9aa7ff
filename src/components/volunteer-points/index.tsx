import { View } from '@tarojs/components';
import './index.scss';

interface VolunteerPointsProps {
  /** Points earned this year (what ranking and redemption use). */
  year: number;
  yearPoints: number;
  /** The running total since joining (总积分不清零). */
  totalPoints: number;
  /** This year's points still free to spend on gifts, when the page shows it. */
  available?: number;
}

/** Two big numbers side by side: 今年 and 累计. Written out in words for screen readers. */
export function VolunteerPoints({ year, yearPoints, totalPoints, available }: VolunteerPointsProps) {
  return (
    <View className='vol-points'>
      <View className='vol-points__cell' aria-label={`${year}年积分 ${yearPoints} 分`}>
        <View className='vol-points__label' aria-hidden='true'>
          {year}年积分
        </View>
        <View className='vol-points__value' aria-hidden='true'>
          {yearPoints}
          <View className='vol-points__unit'>分</View>
        </View>
      </View>
      <View className='vol-points__cell' aria-label={`累计积分 ${totalPoints} 分`}>
        <View className='vol-points__label' aria-hidden='true'>
          累计积分
        </View>
        <View className='vol-points__value' aria-hidden='true'>
          {totalPoints}
          <View className='vol-points__unit'>分</View>
        </View>
      </View>
      {available !== undefined && <View className='vol-points__note'>今年还可用于兑换礼品：{available} 分</View>}
    </View>
  );
}
