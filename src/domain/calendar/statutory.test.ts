import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chinaInstant as at } from './china-time';
import { arrangementWarning } from './arrangement-status';
import { DEFAULT_WORKING_CALENDAR as cal, workingCalendarConfigSchema } from './config';
import { NOTICE_2026 } from './fixtures/notice-2026';
import { parseHolidayNotice } from './notice-parser';
import { statutoryHolidays } from './statutory';
import { bundledArrangement, holidaySourceOf, isWorkingDate } from './working-day';
import { addWorkingTime, workingDay } from './working-time';

const HOUR = 3_600_000;
const datesOf = (year: number) => statutoryHolidays(year).map((h) => h.date);

describe('statutory holidays computed from the law', () => {
  it('2027: 元旦, 春节 from 除夕 (5 Feb), 清明 5 Apr, 劳动节, 端午 9 Jun, 中秋 15 Sep, 国庆 — 13 days', () => {
    expect(datesOf(2027)).toEqual([
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08',
      '2027-04-05',
      '2027-05-01', '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01', '2027-10-02', '2027-10-03',
    ]);
  });

  it.each([2025, 2026])('every statutory day of %i is a day off in the State Council table the library bundles', (year) => {
    const bundled = new Set(bundledArrangement(year)!.holidays);
    // 2025-2026 春节 arrangements start at 除夕 or before; every statutory day is inside one of the breaks.
    expect(datesOf(year).filter((d) => !bundled.has(d))).toEqual([]);
  });

  it('does not depend on the host time zone (the library reads dates with local getters)', () => {
    // Node fixes the zone at start-up inside a Jest worker, so each zone gets its own short process.
    const expected = [...datesOf(2027), ...datesOf(2029)];
    for (const TZ of ['America/Los_Angeles']) {
      const script = "const { statutoryHolidays: s } = require('./src/domain/calendar/statutory'); process.stdout.write(JSON.stringify([...s(2027), ...s(2029)].map((h) => h.date)));";
      const out = execFileSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['-e', script], { env: { ...process.env, TZ }, encoding: 'utf8' });
      expect([TZ, JSON.parse(out)]).toEqual([TZ, expected]);
    }
  });
});

describe('a year nobody has arranged yet', () => {
  it('2027 statutory days are non-working without any arrangement entered', () => {
    expect(holidaySourceOf(2027, cal)).toBe('statutory');
    for (const d of datesOf(2027)) expect(isWorkingDate(d, cal)).toBe(false);
    expect(isWorkingDate('2027-01-04', cal)).toBe(true); // an ordinary Monday
    expect(isWorkingDate('2027-10-04', cal)).toBe(true); // no 调休 known yet: a Monday is worked
  });

  it('a case filed 2026-12-31 17:00 does not get a deadline on 2027-01-01', () => {
    const due = addWorkingTime(at('2026-12-31', '17:00'), 2 * HOUR, cal);
    expect(due).toBe(at('2027-01-04', '10:00'));
  });

  it('5 working days from 30 Sep 2027 skip 国庆 1–3 Oct', () => {
    expect(addWorkingTime(at('2027-09-30', '09:00'), 5 * workingDay(cal), cal)).toBe(at('2027-10-08', '09:00'));
  });
});

describe("the street's confirmed arrangement", () => {
  const notice = parseHolidayNotice(NOTICE_2026);
  if (!notice.ok) throw new Error(notice.errors.join());

  it('replaces the bundled table for its year: the 2026 notice confirmed gives the same working days', () => {
    const street = workingCalendarConfigSchema.parse({ yearArrangements: [{ year: 2026, holidays: notice.holidays, workdays: notice.workdays, source: 'notice', reason: '国办发明电〔2025〕7号' }] });
    expect(holidaySourceOf(2026, street)).toBe('street');
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 0, 1); d += 86_400_000) {
      const iso = new Date(d).toISOString().slice(0, 10);
      expect([iso, isWorkingDate(iso, street)]).toEqual([iso, isWorkingDate(iso, cal)]);
    }
  });

  it('a confirmed 2027 arrangement adds its 调休: the make-up Saturday is worked, the bridge Monday is off', () => {
    const street = workingCalendarConfigSchema.parse({
      yearArrangements: [{ year: 2027, holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'], workdays: ['2027-10-09'], source: 'picked', reason: '测试' }],
    });
    expect(isWorkingDate('2027-10-04', street)).toBe(false);
    expect(isWorkingDate('2027-10-09', street)).toBe(true);
    // The arrangement is authoritative for its year: 元旦 is off only if it lists it.
    expect(isWorkingDate('2027-01-01', street)).toBe(true);
  });

  it('rejects dates outside the year, a day both off and worked, two arrangements for one year, an impossible date', () => {
    const bad = (a: object[]) => workingCalendarConfigSchema.safeParse({ yearArrangements: a }).success;
    const base = { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'notice', reason: 'x' };
    expect(bad([base])).toBe(true);
    expect(bad([{ ...base, holidays: ['2028-01-01'] }])).toBe(false);
    expect(bad([{ ...base, workdays: ['2027-01-01'] }])).toBe(false);
    expect(bad([base, base])).toBe(false);
    expect(bad([{ ...base, holidays: ['2027-02-30'] }])).toBe(false);
    expect(bad([{ ...base, reason: '  ' }])).toBe(false);
  });
});

describe('arrangementWarning', () => {
  it('is silent before 1 November, warns from 1 November China time while next year is unconfirmed', () => {
    expect(arrangementWarning(cal, at('2026-10-31', '23:59'))).toBeNull();
    expect(arrangementWarning(cal, at('2026-11-01', '00:00'))).toMatchObject({ year: 2027, source: 'statutory' });
    expect(arrangementWarning(cal, at('2026-12-31', '23:50'))?.message).toContain('2027年放假安排尚未确认');
  });

  it('is silent when next year is bundled or confirmed by the street', () => {
    expect(arrangementWarning(cal, at('2025-11-30', '10:00'))).toBeNull(); // 2026 is in the library
    const street = workingCalendarConfigSchema.parse({ yearArrangements: [{ year: 2027, holidays: ['2027-01-01'], source: 'notice', reason: 'x' }] });
    expect(arrangementWarning(street, at('2026-11-30', '10:00'))).toBeNull();
  });
});
