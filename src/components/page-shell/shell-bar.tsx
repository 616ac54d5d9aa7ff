import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from '../case-choice/pressable';
import { FONT_SCALES } from '../../domain/user';
import { FONT_SCALE_LABELS, setFontScale, type FontScale } from '../../services/font-scale';

/** Pages a visitor lands on (home, a grid's board from its QR code): nothing to go back to. */
const ENTRY_PAGES = ['pages/index/index', 'pages/grid/index'];

function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  return (pages[pages.length - 1]?.route ?? '').replace(/^\//, '');
}

/** H5 has no system back button inside the app: back when there is a page below, home after a cold deep link. */
function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: '/pages/index/index' });
}

const nextScale = (scale: FontScale): FontScale => FONT_SCALES[(FONT_SCALES.indexOf(scale) + 1) % FONT_SCALES.length];

/**
 * The bar above every page's title: 返回 (H5, not on entry pages) and the text-size switch, which one
 * tap moves 标准 → 大字 → 特大字 → 标准 and keeps on this device (issue 8 items 6 and 10).
 */
export function ShellBar({ scale }: { scale: FontScale }) {
  const showBack = process.env.TARO_ENV === 'h5' && !ENTRY_PAGES.includes(currentRoute());
  const switchSize = () => setFontScale(nextScale(scale));
  return (
    <View className='shell-bar'>
      {showBack ? (
        <View className='shell-bar__button' role='button' aria-label='返回上一页' {...pressable(goBack)} onClick={goBack}>
          ‹ 返回
        </View>
      ) : (
        <View />
      )}
      <View className='shell-bar__button' role='button' aria-label={`字号：${FONT_SCALE_LABELS[scale]}，点一下换大一号`} {...pressable(switchSize)} onClick={switchSize}>
        字号：{FONT_SCALE_LABELS[scale]}
      </View>
    </View>
  );
}
