import { View } from '@tarojs/components';
import { Section } from '../../components/section';
import type { BoardView } from '../../domain/org/api';

/** The grid itself: community, type, households and population, and its boundary (四至范围). */
export function GridSummary({ grid }: { grid: BoardView['grid'] }) {
  return (
    <Section heading='网格信息'>
      <View className='board__facts'>
        <Fact label='所属社区' value={grid.communityName} />
        <Fact label='网格编号' value={`${grid.code}（${grid.typeLabel}）`} />
        <Fact label='户数' value={`${grid.households} 户`} />
        <Fact label='人口' value={`${grid.population} 人`} />
      </View>
      {grid.boundary !== '' && (
        <View className='section__text'>
          <View className='board__fact-label'>四至范围</View>
          <View>{grid.boundary}</View>
        </View>
      )}
    </Section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='board__fact'>
      <View className='board__fact-label'>{label}</View>
      <View className='board__fact-value'>{value}</View>
    </View>
  );
}
