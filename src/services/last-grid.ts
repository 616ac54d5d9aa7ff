import Taro from '@tarojs/taro';

/** The grid whose board this device opened last: home's 我的网格 and 找网格员 (issue 8 item 7). */
export interface LastGrid {
  gridId: string;
  /** "A1 肥东路社区一号网格" */
  title: string;
}

const STORAGE_KEY = 'gridlink.lastGrid';

export function rememberGrid(grid: LastGrid): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, grid);
  } catch {
    // Storage full or refused: home simply will not offer 我的网格.
  }
}

export function lastGrid(): LastGrid | null {
  try {
    const v: unknown = Taro.getStorageSync(STORAGE_KEY);
    const g = v as Partial<LastGrid> | null;
    return g && typeof g.gridId === 'string' && typeof g.title === 'string' ? { gridId: g.gridId, title: g.title } : null;
  } catch {
    return null;
  }
}
