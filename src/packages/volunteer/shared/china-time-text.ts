import { chinaInstant, chinaWall } from '../../../domain/calendar/china-time';
/**
 * Dates as an elderly volunteer reads them: "12月1日 周二 09:00", always in China time whatever the
 * phone's zone. Dates arrive from the functions as ISO strings.
 */
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const wall = (iso: string | Date) => chinaWall(iso);
const two = (n: number) => String(n).padStart(2, '0');

export function dayText(iso: string | Date): string {
  const d = wall(iso);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`;
}

export function clockText(iso: string | Date): string {
  const d = wall(iso);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** "12月1日 周二 09:00–11:00", or both days when the activity spans midnight. */
export function timeRangeText(startIso: string | Date, endIso: string | Date): string {
  const sameDay = dayText(startIso) === dayText(endIso);
  return sameDay ? `${dayText(startIso)} ${clockText(startIso)}–${clockText(endIso)}` : `${dayText(startIso)} ${clockText(startIso)} 至 ${dayText(endIso)} ${clockText(endIso)}`;
}

export function dateTimeText(iso: string | Date): string {
  return `${dayText(iso)} ${clockText(iso)}`;
}

/** "2026-12-01" in China time, for date pickers. */
export function chinaIsoDay(at: Date): string {
  const d = wall(at);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** A China-time wall clock ("2026-12-01", "09:00") as an ISO instant, for the wire. */
export function chinaWallToIso(isoDay: string, hhmm: string): string {
  return new Date(chinaInstant(isoDay, hhmm)).toISOString();
}

export function chinaYearNow(): number {
  return wall(new Date()).getUTCFullYear();
}

export function chinaMonthNow(): { year: number; month: number } {
  const d = wall(new Date());
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}
