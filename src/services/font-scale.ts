import Taro from '@tarojs/taro';
import { FONT_SCALES } from '../domain/user';
import type { UserPrefs } from '../domain/user';

export type FontScale = UserPrefs['fontScale'];

export const FONT_SCALE_LABELS: Record<FontScale, string> = {
  standard: '标准',
  large: '大字',
  xlarge: '特大字',
};

const STORAGE_KEY = 'gridlink.fontScale';
type Listener = (scale: FontScale) => void;

/**
 * The user's text size, app-wide. Kept on the device so the first screen already has the right size,
 * and overwritten by the server's prefs once `user.me` answers.
 */
let current: FontScale = readStored();
const listeners = new Set<Listener>();

export function getFontScale(): FontScale {
  return current;
}

export function setFontScale(scale: FontScale): void {
  if (scale === current) return;
  current = scale;
  Taro.setStorageSync(STORAGE_KEY, scale);
  listeners.forEach((l) => l(scale));
}

export function subscribeFontScale(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readStored(): FontScale {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return (FONT_SCALES as readonly unknown[]).includes(stored) ? (stored as FontScale) : 'standard';
  } catch {
    return 'standard';
  }
}
