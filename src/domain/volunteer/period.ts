import { CHINA_OFFSET_MS, toEpochMs, type Instant } from '../calendar/china-time';

/**
 * Years, quarters and months of the points scheme are China civil time (001 L843: 按月公示,按季汇总,按年评选),
 * computed on a fixed +8 h offset so the host TZ never moves an entry into another month.
 */
export interface ChinaMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export type Quarter = 1 | 2 | 3 | 4;

function chinaWallClock(at: Instant): Date {
  return new Date(toEpochMs(at) + CHINA_OFFSET_MS);
}

export function chinaYear(at: Instant): number {
  return chinaWallClock(at).getUTCFullYear();
}

export function chinaMonth(at: Instant): ChinaMonth {
  const wall = chinaWallClock(at);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1 };
}

export function quarterOfMonth(month: number): Quarter {
  return (Math.floor((month - 1) / 3) + 1) as Quarter;
}

export function chinaQuarter(at: Instant): { year: number; quarter: Quarter } {
  const { year, month } = chinaMonth(at);
  return { year, quarter: quarterOfMonth(month) };
}
