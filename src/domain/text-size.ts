import type { UserPrefs } from './user';

type FontScale = UserPrefs['fontScale'];

/**
 * The system's text size in px at which each of our sizes starts (issue 8 item 6: follow the phone on
 * first use). WeChat reports 我-设置-通用-字体大小 as `fontSizeSetting` (17 at its 标准, larger steps
 * above); a browser's default is 16 px (Chrome: 大 20, 特大 24). Below 19 the phone is at its standard.
 */
export const SYSTEM_FONT_THRESHOLDS: readonly { from: number; scale: FontScale }[] = [
  { from: 23, scale: 'xlarge' },
  { from: 19, scale: 'large' },
];

/** Our text size for the phone's, or 标准 when the phone does not say. */
export function scaleForSystemFont(px: number | undefined): FontScale {
  if (px === undefined || !Number.isFinite(px)) return 'standard';
  return SYSTEM_FONT_THRESHOLDS.find((t) => px >= t.from)?.scale ?? 'standard';
}

/**
 * Which size to show: a choice made on this device wins (it is about these eyes and this screen);
 * without one, a size saved on the account that is not the default (chosen on another phone);
 * otherwise the phone's own setting.
 */
export function effectiveFontScale(input: { device?: FontScale; account?: FontScale; systemPx?: number }): FontScale {
  if (input.device) return input.device;
  if (input.account && input.account !== 'standard') return input.account;
  return scaleForSystemFont(input.systemPx);
}
