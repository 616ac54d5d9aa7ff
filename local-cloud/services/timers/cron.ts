import { CronExpressionParser } from 'cron-parser';

/** CloudBase timer triggers run on Beijing time. */
export const TIMER_TIMEZONE = 'Asia/Shanghai';

/**
 * A CloudBase timer cron: seven fields `sec min hour day month week year`
 * (https://docs.cloudbase.net/cloud-function/timer-trigger). cron-parser takes the first six; the year
 * field is checked here.
 */
export class CloudbaseCron {
  private readonly sixFields: string;
  private readonly yearMatches: (year: number) => boolean;
  private readonly lastYear: number;

  constructor(readonly expression: string) {
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 7) throw new Error(`CloudBase cron needs 7 fields (sec min hour day month week year): "${expression}"`);
    this.sixFields = fields.slice(0, 6).join(' ');
    this.yearMatches = yearMatcher(fields[6]);
    this.lastYear = lastYearOf(fields[6]);
    CronExpressionParser.parse(this.sixFields, { tz: TIMER_TIMEZONE }); // throws early on a bad expression
  }

  /** The first firing strictly after `after`, or null when the year field allows no more. */
  nextAfter(after: Date): Date | null {
    const iterator = CronExpressionParser.parse(this.sixFields, { currentDate: after, tz: TIMER_TIMEZONE });
    // Bounded: a year field naming only past years must not spin forever.
    for (let i = 0; i < 100_000; i += 1) {
      if (!iterator.hasNext()) return null;
      const next = iterator.next().toDate();
      const year = yearInTimezone(next);
      if (this.yearMatches(year)) return next;
      if (year > this.lastYear) return null;
    }
    return null;
  }
}

const yearFormat = new Intl.DateTimeFormat('en', { timeZone: TIMER_TIMEZONE, year: 'numeric' });

function yearInTimezone(date: Date): number {
  return Number(yearFormat.format(date));
}

const LAST_CRON_YEAR = 2099;

/** The latest year a year field allows, so a schedule that has ended is known to have ended. */
function lastYearOf(field: string): number {
  return Math.max(...field.split(',').map((part) => (part.startsWith('*') || part.includes('/') ? LAST_CRON_YEAR : Number(part.split('-').pop()))));
}

/** `*`, `2026`, `2026-2028`, `2026,2030`, `*\/2`, `2026/2`. */
export function yearMatcher(field: string): (year: number) => boolean {
  const parts = field.split(',').map((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const [lo, hi] = range === '*' ? [1970, LAST_CRON_YEAR] : range.includes('-') ? range.split('-').map(Number) : [Number(range), stepText ? LAST_CRON_YEAR : Number(range)];
    if (![lo, hi, step].every(Number.isInteger) || step < 1) throw new Error(`bad year field in cron: "${field}"`);
    return (year: number) => year >= lo && year <= hi && (year - lo) % step === 0;
  });
  return (year) => parts.some((matches) => matches(year));
}
