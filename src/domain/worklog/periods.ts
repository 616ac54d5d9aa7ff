import { chinaDayIndex, chinaDayStart, chinaIsoDate, chinaWeekday, dayIndexOfIsoDate, toEpochMs, type Instant } from '../calendar/china-time';

/**
 * The windows the work rules count in: a week (Monday–Sunday, so Saturday's 进居入户 of 000 L13 falls
 * inside the week it belongs to), a month and a quarter, all in China civil time. A window is
 * [start, end) in epoch ms plus the China dates it covers; its key names it in stored records and tasks
 * (a week by its Monday, which never straddles a year the way ISO week numbers do on 31 December).
 */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter';

export interface Period {
  kind: PeriodKind;
  /** `2026-11-30` (day), `2026-11-30` (week: its Monday), `2026-11` (month), `2026-Q4` (quarter). */
  key: string;
  start: number;
  end: number;
  /** First and last China date inside. */
  firstDate: string;
  lastDate: string;
}

function periodOfDays(kind: PeriodKind, key: string, firstDay: number, dayCount: number): Period {
  return {
    kind,
    key,
    start: chinaDayStart(firstDay),
    end: chinaDayStart(firstDay + dayCount),
    firstDate: chinaIsoDate(firstDay),
    lastDate: chinaIsoDate(firstDay + dayCount - 1),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function dayOf(at: Instant): Period {
  const day = chinaDayIndex(toEpochMs(at));
  return periodOfDays('day', chinaIsoDate(day), day, 1);
}

export function weekOf(at: Instant): Period {
  const day = chinaDayIndex(toEpochMs(at));
  // chinaWeekday: 0 = Sunday; a week starts on Monday.
  const monday = day - ((chinaWeekday(day) + 6) % 7);
  return periodOfDays('week', chinaIsoDate(monday), monday, 7);
}

function monthPeriod(year: number, month: number): Period {
  const first = dayIndexOfIsoDate(`${year}-${pad(month)}-01`);
  return periodOfDays('month', `${year}-${pad(month)}`, first, daysInMonth(year, month));
}

export function monthOf(at: Instant): Period {
  const date = chinaIsoDate(chinaDayIndex(toEpochMs(at)));
  return monthPeriod(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

export function quarterOf(at: Instant): Period {
  const date = chinaIsoDate(chinaDayIndex(toEpochMs(at)));
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const firstMonth = (quarter - 1) * 3 + 1;
  const first = dayIndexOfIsoDate(`${year}-${pad(firstMonth)}-01`);
  const days = [0, 1, 2].reduce((sum, i) => sum + daysInMonth(year, firstMonth + i), 0);
  return periodOfDays('quarter', `${year}-Q${quarter}`, first, days);
}

export const PERIOD_OF: Record<PeriodKind, (at: Instant) => Period> = { day: dayOf, week: weekOf, month: monthOf, quarter: quarterOf };

/** The window just before this one (the day before its start belongs to it). */
export function previousPeriod(p: Period): Period {
  return PERIOD_OF[p.kind](p.start - 1);
}

/** The window of the same kind with the given key (a week key is its Monday). */
export function periodOfKey(kind: PeriodKind, key: string): Period {
  const firstDate = kind === 'quarter' ? `${key.slice(0, 4)}-${pad((Number(key.slice(6)) - 1) * 3 + 1)}-01` : kind === 'month' ? `${key}-01` : key;
  return PERIOD_OF[kind](chinaDayStart(dayIndexOfIsoDate(firstDate)));
}

export const inPeriod = (p: Period, at: Instant) => {
  const ms = toEpochMs(at);
  return ms >= p.start && ms < p.end;
};

/** Every China date of the window, in order. */
export function datesOf(p: Period): string[] {
  const first = dayIndexOfIsoDate(p.firstDate);
  const last = dayIndexOfIsoDate(p.lastDate);
  return Array.from({ length: last - first + 1 }, (_, i) => chinaIsoDate(first + i));
}

/** 0 = Sunday … 6 = Saturday, for a China date. */
export const weekdayOfDate = (isoDate: string) => chinaWeekday(dayIndexOfIsoDate(isoDate));

/** "11月30日–12月6日", "2026年11月", "2026年第四季度": how a window reads on screen. */
export function periodLabel(p: Period): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  const labels: Record<PeriodKind, () => string> = {
    day: () => md(p.firstDate),
    week: () => `${md(p.firstDate)}–${md(p.lastDate)}`,
    month: () => `${p.key.slice(0, 4)}年${Number(p.key.slice(5))}月`,
    quarter: () => `${p.key.slice(0, 4)}年第${'一二三四'[Number(p.key.slice(6)) - 1]}季度`,
  };
  return labels[p.kind]();
}
