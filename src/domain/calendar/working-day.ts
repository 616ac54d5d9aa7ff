// The library's functions (isWorkday, getDayDetail) are not used: its tables are keyed by dates it builds
// with host-local getters, so on a machine west of UTC (TZ=America/New_York) every answer shifts by a day.
// Its raw data file is TZ-free `YYYY-MM-DD` keys, so we read that and compute weekdays ourselves.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { chinaIsoDate, chinaWeekday, dayIndexOfIsoDate, minutesOfHhmm } from './china-time';
import type { WorkingCalendarConfig } from './config';

const HOLIDAYS: Readonly<Record<string, string>> = chineseDays.holidays;
const MAKE_UP_WORKDAYS: Readonly<Record<string, string>> = chineseDays.workdays;

/** The config turned into numbers once; cached per config object because the functions run in loops. */
export interface CompiledCalendar {
  /** [startMs, endMs) offsets from China midnight, ascending. */
  periods: ReadonlyArray<readonly [number, number]>;
  dailyWorkingMs: number;
  isWorkingDay(dayIndex: number): boolean;
}

const cache = new WeakMap<WorkingCalendarConfig, CompiledCalendar>();

export function compileCalendar(cfg: WorkingCalendarConfig): CompiledCalendar {
  const cached = cache.get(cfg);
  if (cached) return cached;
  const periods = cfg.periods.map((p) => [minutesOfHhmm(p.start) * 60_000, minutesOfHhmm(p.end) * 60_000] as const);
  const closed = new Set(cfg.extraClosedDates);
  const extraWorking = new Set(cfg.extraWorkingDates);
  const weekdays = new Set(cfg.workingWeekdays);
  const compiled: CompiledCalendar = {
    periods,
    dailyWorkingMs: periods.reduce((sum, [s, e]) => sum + (e - s), 0),
    isWorkingDay(dayIndex) {
      const date = chinaIsoDate(dayIndex);
      if (closed.has(date)) return false;
      if (extraWorking.has(date)) return true;
      if (cfg.usePublicHolidays) {
        if (HOLIDAYS[date] !== undefined) return false;
        if (MAKE_UP_WORKDAYS[date] !== undefined) return true; // 调休: a weekend day worked
      }
      return weekdays.has(chinaWeekday(dayIndex));
    },
  };
  cache.set(cfg, compiled);
  return compiled;
}

/** Whether a China calendar date (`YYYY-MM-DD`) is a working day under this config. */
export function isWorkingDate(isoDate: string, cfg: WorkingCalendarConfig): boolean {
  return compileCalendar(cfg).isWorkingDay(dayIndexOfIsoDate(isoDate));
}

/** Last date the bundled holiday tables cover; later years fall back to weekdays plus the street's extra dates. */
export const HOLIDAY_DATA_UNTIL: string = Object.keys(HOLIDAYS).sort().at(-1) ?? '';
