// The statutory public holidays of any year, computed from the law itself, so a year the State Council
// has not yet arranged (or the bundled `chinese-days` table does not reach) is never a plain calendar of
// weekdays: 元旦 and 国庆 are fixed dates, 春节/端午/中秋 are lunar dates and 清明 is a solar term.
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { chinaIsoDate, dayIndexOfIsoDate } from './china-time';

/** The festivals of 全国年节及纪念日放假办法 on which all citizens have a day off (Article 2). */
export const STATUTORY_FESTIVALS = ['new_year', 'spring_festival', 'qingming', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day'] as const;
export type StatutoryFestival = (typeof STATUTORY_FESTIVALS)[number];

export const FESTIVAL_LABELS: Record<StatutoryFestival, string> = {
  new_year: '元旦',
  spring_festival: '春节',
  qingming: '清明节',
  labour_day: '劳动节',
  dragon_boat: '端午节',
  mid_autumn: '中秋节',
  national_day: '国庆节',
};

/**
 * The days off each festival gives, as the law reads since its 2024 amendment (国务院令第795号, in force
 * 1 January 2025: 春节 and 劳动节 one day more each, 除夕 back in 春节; 13 days in all). `chinese-days`
 * (src/holidays/arrangement.ts) records the same change for 2025. Kept as a table so a future amendment is
 * one edit here, with its source.
 */
export const STATUTORY_RULES: Record<StatutoryFestival, { days: string; source: string }> = {
  new_year: { days: '1月1日', source: '放假办法第二条第一项 "元旦，放假1天（1月1日）"' },
  spring_festival: { days: '农历除夕、正月初一至初三', source: '放假办法第二条第二项 "春节，放假4天（农历除夕、正月初一至初三）"' },
  qingming: { days: '农历清明当日', source: '放假办法第二条第三项 "清明节，放假1天（农历清明当日）"' },
  labour_day: { days: '5月1日、2日', source: '放假办法第二条第四项 "劳动节，放假2天（5月1日、2日）"' },
  dragon_boat: { days: '农历端午当日', source: '放假办法第二条第五项 "端午节，放假1天（农历端午当日）"' },
  mid_autumn: { days: '农历中秋当日', source: '放假办法第二条第六项 "中秋节，放假1天（农历中秋当日）"' },
  national_day: { days: '10月1日至3日', source: '放假办法第二条第七项 "国庆节，放假3天（10月1日至3日）"' },
};

export interface StatutoryHoliday {
  date: string;
  festival: StatutoryFestival;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * Lunar month/day of lunar year `year` → Gregorian `YYYY-MM-DD`. The library reads its argument with
 * host-local getters and builds its answer the same way, so a host-local Date gives the same answer in
 * every time zone (a `YYYY-MM-DD` string would be read as UTC and shift a day west of UTC).
 */
function lunarToIso(year: number, month: number, day: number): string {
  return getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/**
 * 清明 of `year`. The library computes the right day number but renders it through `Date.UTC(...)` read
 * back with local getters, which west of UTC gives the day before; undo exactly that shift.
 */
function qingmingIso(year: number): string {
  const reported = getSolarTermDate(year, 4, 'pure_brightness');
  const westOfUtc = new Date(Date.UTC(year, 3, 5)).getTimezoneOffset() > 0;
  return westOfUtc ? chinaIsoDate(dayIndexOfIsoDate(reported) + 1) : reported;
}

const cache = new Map<number, readonly StatutoryHoliday[]>();

/** The 13 statutory days off of a Gregorian year, in date order (lunar years 1901–2099, the library's range). */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) throw new RangeError(`year out of range: ${year}`);
  const hit = cache.get(year);
  if (hit) return hit;
  const days: StatutoryHoliday[] = [{ date: iso(year, 1, 1), festival: 'new_year' }];
  // 春节 of this Gregorian year: 正月初一 of lunar year `year` always falls in late Jan–Feb, and its 除夕
  // is the day before (腊月廿九 or 三十, whichever ends the lunar year).
  const newYearsDay = dayIndexOfIsoDate(lunarToIso(year, 1, 1));
  for (let i = -1; i <= 2; i++) days.push({ date: chinaIsoDate(newYearsDay + i), festival: 'spring_festival' });
  days.push({ date: qingmingIso(year), festival: 'qingming' });
  days.push({ date: iso(year, 5, 1), festival: 'labour_day' }, { date: iso(year, 5, 2), festival: 'labour_day' });
  days.push({ date: lunarToIso(year, 5, 5), festival: 'dragon_boat' });
  days.push({ date: lunarToIso(year, 8, 15), festival: 'mid_autumn' });
  for (const d of [1, 2, 3]) days.push({ date: iso(year, 10, d), festival: 'national_day' });
  const sorted = days.sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, sorted);
  return sorted;
}
