// The library's day functions (isWorkday, getDayDetail) are not used: its tables are keyed by dates it builds
// with host-local getters, so on a machine west of UTC (TZ=America/New_York) every answer shifts by a day.
// Its raw data file is TZ-free `YYYY-MM-DD` keys, so we read that and compute weekdays ourselves.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { chinaIsoDate, chinaWeekday, dayIndexOfIsoDate, minutesOfHhmm } from './china-time';
import type { WorkingCalendarConfig, YearArrangement } from './config';
import { statutoryHolidays } from './statutory';

const HOLIDAYS: Readonly<Record<string, string>> = chineseDays.holidays;
const MAKE_UP_WORKDAYS: Readonly<Record<string, string>> = chineseDays.workdays;

/** Years the bundled State Council tables arrange; a year not listed falls back to the statutory days. */
export const BUNDLED_YEARS: ReadonlySet<number> = new Set(Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4))));
/** Last date the bundled holiday tables cover. */
export const HOLIDAY_DATA_UNTIL: string = Object.keys(HOLIDAYS).sort().at(-1) ?? '';

/** The bundled State Council arrangement of a year, in the same shape a street confirms (undefined: not bundled). */
export function bundledArrangement(year: number): { holidays: string[]; workdays: string[] } | undefined {
  if (!BUNDLED_YEARS.has(year)) return undefined;
  const ofYear = (table: Readonly<Record<string, string>>) => Object.keys(table).filter((d) => d.startsWith(`${year}-`)).sort();
  return { holidays: ofYear(HOLIDAYS), workdays: ofYear(MAKE_UP_WORKDAYS) };
}

/** Where a year's public holidays come from, most authoritative first. */
export type HolidaySource = 'street' | 'bundled' | 'statutory';
export function holidaySourceOf(year: number, cfg: Pick<WorkingCalendarConfig, 'yearArrangements'>): HolidaySource {
  if (cfg.yearArrangements.some((a) => a.year === year)) return 'street';
  return BUNDLED_YEARS.has(year) ? 'bundled' : 'statutory';
}

/** The config turned into numbers once; cached per config object because the functions run in loops. */
export interface CompiledCalendar {
  /** [startMs, endMs) offsets from China midnight, ascending. */
  periods: ReadonlyArray<readonly [number, number]>;
  dailyWorkingMs: number;
  isWorkingDay(dayIndex: number): boolean;
}

const cache = new WeakMap<WorkingCalendarConfig, CompiledCalendar>();

function arrangementDays(arrangements: readonly YearArrangement[]): Map<string, boolean> {
  const days = new Map<string, boolean>();
  for (const a of arrangements) {
    for (const d of a.holidays) days.set(d, false);
    for (const d of a.workdays) days.set(d, true);
  }
  return days;
}

export function compileCalendar(cfg: WorkingCalendarConfig): CompiledCalendar {
  const cached = cache.get(cfg);
  if (cached) return cached;
  const periods = cfg.periods.map((p) => [minutesOfHhmm(p.start) * 60_000, minutesOfHhmm(p.end) * 60_000] as const);
  const closed = new Set(cfg.extraClosedDates);
  const extraWorking = new Set(cfg.extraWorkingDates);
  const weekdays = new Set(cfg.workingWeekdays);
  const streetDays = arrangementDays(cfg.yearArrangements);
  const streetYears = new Set(cfg.yearArrangements.map((a) => a.year));
  const statutory = new Map<number, Set<string>>();
  const statutoryOf = (year: number) => {
    let days = statutory.get(year);
    if (!days) statutory.set(year, (days = new Set(statutoryHolidays(year).map((h) => h.date))));
    return days;
  };
  /** true/false: the public-holiday rules decide; undefined: an ordinary day, the weekday decides. */
  const publicRule = (date: string): boolean | undefined => {
    const year = Number(date.slice(0, 4));
    const street = streetDays.get(date);
    if (street !== undefined) return street;
    if (streetYears.has(year)) return undefined;
    if (BUNDLED_YEARS.has(year)) {
      if (HOLIDAYS[date] !== undefined) return false;
      if (MAKE_UP_WORKDAYS[date] !== undefined) return true; // 调休: a weekend day worked
      return undefined;
    }
    // No arrangement yet: the statutory days are off by law whatever the State Council adds later.
    return statutoryOf(year).has(date) ? false : undefined;
  };
  const compiled: CompiledCalendar = {
    periods,
    dailyWorkingMs: periods.reduce((sum, [s, e]) => sum + (e - s), 0),
    isWorkingDay(dayIndex) {
      const date = chinaIsoDate(dayIndex);
      if (closed.has(date)) return false;
      if (extraWorking.has(date)) return true;
      const rule = cfg.usePublicHolidays ? publicRule(date) : undefined;
      return rule ?? weekdays.has(chinaWeekday(dayIndex));
    },
  };
  cache.set(cfg, compiled);
  return compiled;
}

/** Whether a China calendar date (`YYYY-MM-DD`) is a working day under this config. */
export function isWorkingDate(isoDate: string, cfg: WorkingCalendarConfig): boolean {
  return compileCalendar(cfg).isWorkingDay(dayIndexOfIsoDate(isoDate));
}
