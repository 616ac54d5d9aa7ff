import Taro from '@tarojs/taro';
import { FONT_SCALES } from '../domain/user';
import type { UserPrefs } from '../domain/user';
import { effectiveFontScale } from '../domain/text-size';
import { showFontScaleOnDocument, systemFontPx } from './platform/system-font';

export type FontScale = UserPrefs['fontScale'];

export const FONT_SCALE_LABELS: Record<FontScale, string> = {
  standard: '标准',
  large: '大字',
  xlarge: '特大字',
};

const STORAGE_KEY = 'gridlink.fontScale';
type Listener = (scale: FontScale) => void;

/**
 * The user's text size, app-wide (issue 8 item 6). A size chosen on this device is kept on it; until
 * one is chosen the phone's own text size decides (WeChat's 字体大小, the browser's default size), and
 * a non-default size saved on the account (chosen on another phone) is taken when `user.me` answers.
 */
const deviceChoice: FontScale | undefined = readStored();
let current: FontScale = effectiveFontScale({ device: deviceChoice, systemPx: systemFontPx() });
let chosenHere = deviceChoice !== undefined;
const listeners = new Set<Listener>();
showFontScaleOnDocument(current);

export function getFontScale(): FontScale {
  return current;
}

function apply(scale: FontScale): void {
  if (scale === current) return;
  current = scale;
  showFontScaleOnDocument(scale);
  listeners.forEach((l) => l(scale));
}

/** The user chose a size on this device: it wins from now on, here. */
export function setFontScale(scale: FontScale): void {
  chosenHere = true;
  Taro.setStorageSync(STORAGE_KEY, scale);
  apply(scale);
}

/** The size saved on the account (`user.me`): used only while nothing was chosen on this device. */
export function applyAccountFontScale(account: FontScale): void {
  if (chosenHere) return;
  apply(effectiveFontScale({ account, systemPx: systemFontPx() }));
}

export function subscribeFontScale(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readStored(): FontScale | undefined {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return (FONT_SCALES as readonly unknown[]).includes(stored) ? (stored as FontScale) : undefined;
  } catch {
    return undefined;
  }
}
