import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { Section } from '../../components/section';
import { boardPath } from '../../services/platform';
import { lastGrid, type LastGrid } from '../../services/last-grid';

/**
 * 我的网格 and 找网格员 (issue 8 item 7): the board this device scanned last, which leads with its
 * officer and a call button. Before any scan, where to find the grid's QR code.
 */
export function MyGridSection() {
  const [grid, setGrid] = useState<LastGrid | null>(lastGrid);
  useDidShow(() => setGrid(lastGrid()));
  const open = () => grid && void Taro.navigateTo({ url: boardPath(grid.gridId) });
  return (
    <Section heading='我的网格'>
      {grid ? (
        <View className='section__actions'>
          <BigButton kind='primary' onClick={open}>
            找网格员
          </BigButton>
          <BigButton onClick={open}>我的网格：{grid.title}</BigButton>
        </View>
      ) : (
        <View className='section__text' data-testid='no-grid-yet'>
          扫一扫小区、楼栋里张贴的网格二维码，就能看到您的网格员和他的电话。
        </View>
      )}
    </Section>
  );
}
