import Taro from '@tarojs/taro';
import { FONT_SCALES, type UserPrefs } from '../../domain/user';

/**
 * The phone's text size in px, where the platform says it. weapp: WeChat's 我-设置-通用-字体大小
 * (`fontSizeSetting`, in getAppBaseInfo since base library 2.20.1, getSystemInfoSync before);
 * H5: the browser's default size — what `font-size: medium` resolves to, since Taro sets the root
 * element's size itself for rem units. `process.env.TARO_ENV` is a build-time constant.
 */
export function systemFontPx(): number | undefined {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const probe = document.createElement('div');
      probe.style.fontSize = 'medium';
      // The root element exists even while <body> is still being parsed.
      document.documentElement.appendChild(probe);
      const px = parseFloat(getComputedStyle(probe).fontSize);
      probe.remove();
      return px;
    }
    const base = typeof Taro.getAppBaseInfo === 'function' ? (Taro.getAppBaseInfo() as { fontSizeSetting?: number }) : undefined;
    return base?.fontSizeSetting ?? Taro.getSystemInfoSync().fontSizeSetting;
  } catch {
    return undefined;
  }
}

/**
 * H5: Taro draws toasts and dialogs straight under <body>, outside every page shell; the size class on
 * <body> lets them read the same size variables (app.scss). weapp's toasts and dialogs are WeChat's own.
 */
export function showFontScaleOnDocument(scale: UserPrefs['fontScale']): void {
  if (process.env.TARO_ENV !== 'h5') return;
  if (!document.body) {
    document.addEventListener('DOMContentLoaded', () => showFontScaleOnDocument(scale), { once: true });
    return;
  }
  const classes = document.body.classList;
  FONT_SCALES.forEach((s) => classes.remove(`font-scale--${s}`));
  classes.add(`font-scale--${scale}`);
}
