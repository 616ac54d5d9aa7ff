import { chinaInstant as at } from './china-time';
import { DEFAULT_WORKING_CALENDAR as cal, workingCalendarConfigSchema } from './config';
import { isWorkingDate } from './working-day';
import { addWorkingTime, halfWorkingDay, isWorkingInstant, workingDay, workingTimeBetween } from './working-time';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('working days', () => {
  it.each([
    ['2025-09-28', true, '国庆 2025 make-up Sunday'],
    ['2025-09-30', true, 'Tuesday before 国庆'],
    ['2025-10-01', false, '国庆 first day'],
    ['2025-10-06', false, '国庆 Monday'],
    ['2025-10-08', false, '国庆 last day (merged with 中秋)'],
    ['2025-10-09', true, 'first Thursday back'],
    ['2025-10-11', true, '国庆 2025 make-up Saturday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2026-02-13', true, 'Friday before 春节 2026'],
    ['2026-02-14', true, '春节 2026 make-up Saturday'],
    ['2026-02-15', false, '春节 2026 first day (Sunday)'],
    ['2026-02-23', false, '春节 2026 last day (Monday)'],
    ['2026-02-24', true, 'first Tuesday back'],
    ['2026-02-28', true, '春节 2026 second make-up Saturday'],
    ['2026-03-01', false, 'ordinary Sunday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDate(date, cal)).toBe(expected);
  });

  it('a street can close on an extra date, and that beats a make-up working day', () => {
    const street = workingCalendarConfigSchema.parse({ extraClosedDates: ['2025-10-11', '2025-10-10'] });
    expect(isWorkingDate('2025-10-10', street)).toBe(false);
    expect(isWorkingDate('2025-10-11', street)).toBe(false);
  });

  it('a street can ignore the public holiday tables', () => {
    const noHolidays = workingCalendarConfigSchema.parse({ usePublicHolidays: false });
    expect(isWorkingDate('2025-10-01', noHolidays)).toBe(true);
    expect(isWorkingDate('2025-09-28', noHolidays)).toBe(false);
  });
});

describe('isWorkingInstant', () => {
  it.each([
    ['2025-10-09', '08:29', false],
    ['2025-10-09', '08:30', true],
    ['2025-10-09', '11:59', true],
    ['2025-10-09', '12:00', false],
    ['2025-10-09', '13:30', true],
    ['2025-10-09', '17:29', true],
    ['2025-10-09', '17:30', false],
    ['2025-10-01', '10:00', false],
    ['2025-10-11', '10:00', true],
  ])('%s %s China time is working time: %s', (date, time, expected) => {
    expect(isWorkingInstant(at(date, time), cal)).toBe(expected);
    expect(isWorkingInstant(new Date(at(date, time)), cal)).toBe(expected);
  });
});

describe('addWorkingTime', () => {
  it('Friday 16:30 + 2 h is next Monday 09:30', () => {
    expect(addWorkingTime(at('2025-10-17', '16:30'), 2 * HOUR, cal)).toBe(at('2025-10-20', '09:30'));
  });

  it('a span across lunch skips the break: 11:00 + 2 h is 14:30', () => {
    expect(addWorkingTime(at('2025-10-09', '11:00'), 2 * HOUR, cal)).toBe(at('2025-10-09', '14:30'));
  });

  it('starting inside lunch counts from 13:30', () => {
    expect(addWorkingTime(at('2025-10-09', '12:15'), 30 * MIN, cal)).toBe(at('2025-10-09', '14:00'));
  });

  it('starting at night counts from the next 08:30', () => {
    expect(addWorkingTime(at('2025-10-09', '22:00'), HOUR, cal)).toBe(at('2025-10-10', '09:30'));
  });

  it('a duration that ends exactly at closing time is due at closing time, not next morning', () => {
    expect(addWorkingTime(at('2025-10-17', '16:30'), HOUR, cal)).toBe(at('2025-10-17', '17:30'));
  });

  it('zero from outside working hours is the start itself ("immediately")', () => {
    expect(addWorkingTime(at('2025-10-04', '03:00'), 0, cal)).toBe(at('2025-10-04', '03:00'));
  });

  it('2 working hours from 16:30 on 30 Sep 2025 jump the whole 国庆 break to 9 Oct 09:30', () => {
    expect(addWorkingTime(at('2025-09-30', '16:30'), 2 * HOUR, cal)).toBe(at('2025-10-09', '09:30'));
  });

  it('a case reported on 国庆 Day counts from 9 Oct', () => {
    expect(addWorkingTime(at('2025-10-01', '10:00'), 2 * HOUR, cal)).toBe(at('2025-10-09', '10:30'));
  });

  it('Saturday 27 Sep 2025 + 1 h lands on the make-up Sunday 28 Sep', () => {
    expect(addWorkingTime(at('2025-09-27', '10:00'), HOUR, cal)).toBe(at('2025-09-28', '09:30'));
  });

  it('Friday 10 Oct 2025 16:30 + 2 h lands on the make-up Saturday 11 Oct', () => {
    expect(addWorkingTime(at('2025-10-10', '16:30'), 2 * HOUR, cal)).toBe(at('2025-10-11', '09:30'));
  });

  it('5 working days from Monday 29 Sep 2025 10:00 skip 国庆, count the make-up Saturday and end Monday 13 Oct 10:00', () => {
    // working days after the start: 30 Sep, 9, 10, 11 (make-up Saturday), 13 Oct
    expect(addWorkingTime(at('2025-09-29', '10:00'), 5 * workingDay(cal), cal)).toBe(at('2025-10-13', '10:00'));
  });

  it('春节 2026: Friday 13 Feb 16:30 + 2 h is the make-up Saturday 14 Feb 09:30', () => {
    expect(addWorkingTime(at('2026-02-13', '16:30'), 2 * HOUR, cal)).toBe(at('2026-02-14', '09:30'));
  });

  it('春节 2026: Saturday 14 Feb 17:00 + 1 h skips the nine-day break to Tuesday 24 Feb 09:00', () => {
    expect(addWorkingTime(at('2026-02-14', '17:00'), HOUR, cal)).toBe(at('2026-02-24', '09:00'));
  });

  it('half a working day (000 L23) from 10:00 is 15:15 the same day', () => {
    expect(halfWorkingDay(cal)).toBe(3 * HOUR + 45 * MIN);
    expect(addWorkingTime(at('2025-10-09', '10:00'), halfWorkingDay(cal), cal)).toBe(at('2025-10-09', '15:15'));
  });

  it('a year of working time is computed quickly (whole days skipped)', () => {
    const started = performance.now();
    const end = addWorkingTime(at('2025-01-02', '09:00'), 250 * workingDay(cal), cal);
    expect(performance.now() - started).toBeLessThan(100);
    expect(workingTimeBetween(at('2025-01-02', '09:00'), end, cal)).toBe(250 * workingDay(cal));
  });

  it('rejects a negative duration', () => {
    expect(() => addWorkingTime(at('2025-10-09', '09:00'), -1, cal)).toThrow(RangeError);
  });

  it('gives up rather than loop forever when nothing is ever worked', () => {
    const never = workingCalendarConfigSchema.parse({ workingWeekdays: [], usePublicHolidays: false });
    expect(() => addWorkingTime(at('2025-10-09', '09:00'), HOUR, never)).toThrow(RangeError);
  });
});

describe('workingTimeBetween', () => {
  it('counts only working periods across lunch', () => {
    expect(workingTimeBetween(at('2025-10-09', '11:00'), at('2025-10-09', '14:30'), cal)).toBe(2 * HOUR);
  });

  it('counts nothing over 国庆', () => {
    expect(workingTimeBetween(at('2025-09-30', '17:30'), at('2025-10-09', '08:30'), cal)).toBe(0);
  });

  it('is zero for an empty span and negative when b is before a', () => {
    expect(workingTimeBetween(at('2025-10-09', '10:00'), at('2025-10-09', '10:00'), cal)).toBe(0);
    expect(workingTimeBetween(at('2025-10-09', '11:00'), at('2025-10-09', '10:00'), cal)).toBe(-HOUR);
  });
});

describe('config', () => {
  it('defaults to 08:30–12:00 and 13:30–17:30, Monday to Friday, with public holidays', () => {
    expect(cal.periods).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(cal.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(cal.usePublicHolidays).toBe(true);
  });

  it('rejects overlapping or reversed periods', () => {
    expect(workingCalendarConfigSchema.safeParse({ periods: [{ start: '09:00', end: '08:00' }] }).success).toBe(false);
    expect(
      workingCalendarConfigSchema.safeParse({
        periods: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }).success,
    ).toBe(false);
  });
});
