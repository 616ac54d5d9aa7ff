import fc from 'fast-check';
import { chinaInstant } from './china-time';
import { DEFAULT_WORKING_CALENDAR as cal } from './config';
import { compileCalendar } from './working-day';
import { addWorkingTime, isWorkingInstant, workingDay, workingTimeBetween } from './working-time';

// Starts anywhere from mid-2025 through 春节 2026 so the holiday and 调休 tables are exercised.
const start = fc.integer({ min: chinaInstant('2025-06-01'), max: chinaInstant('2026-03-31') });
const duration = fc.integer({ min: 0, max: 30 * workingDay(cal) });
const runs = { numRuns: 300 };

/** Inside a working period or exactly at its closing edge, i.e. the millisecond just before it was worked. */
function endsWorkingTime(t: number): boolean {
  return isWorkingInstant(t - 1, cal);
}

describe('addWorkingTime properties', () => {
  it('is monotone: a longer duration never gives an earlier instant', () => {
    fc.assert(
      fc.property(start, duration, duration, (s, a, b) => {
        const [d1, d2] = a <= b ? [a, b] : [b, a];
        return addWorkingTime(s, d1, cal) <= addWorkingTime(s, d2, cal);
      }),
      runs,
    );
  });

  it('is additive: adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(start, duration, duration, (s, a, b) => addWorkingTime(addWorkingTime(s, a, cal), b, cal) === addWorkingTime(s, a + b, cal)),
      runs,
    );
  });

  it('is inverted by workingTimeBetween', () => {
    fc.assert(
      fc.property(start, duration, (s, d) => workingTimeBetween(s, addWorkingTime(s, d, cal), cal) === d),
      runs,
    );
  });

  it('never lands in non-working time for a positive duration', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 30 * workingDay(cal) }), (s, d) => endsWorkingTime(addWorkingTime(s, d, cal))),
      runs,
    );
  });
});

describe('workingTimeBetween properties', () => {
  it('is antisymmetric and never exceeds the wall-clock span', () => {
    fc.assert(
      fc.property(start, start, (a, b) => {
        const w = workingTimeBetween(a, b, cal);
        return w === -workingTimeBetween(b, a, cal) && Math.abs(w) <= Math.abs(b - a);
      }),
      runs,
    );
  });

  it('is additive over a split point', () => {
    fc.assert(
      fc.property(start, start, start, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        return workingTimeBetween(a, b, cal) + workingTimeBetween(b, c, cal) === workingTimeBetween(a, c, cal);
      }),
      runs,
    );
  });

  it('matches a brute-force minute count over short spans', () => {
    const minuteStart = start.map((t) => t - (t % 60_000));
    fc.assert(
      fc.property(minuteStart, fc.integer({ min: 0, max: 3 * 24 * 60 }), (s, minutes) => {
        let worked = 0;
        for (let m = 0; m < minutes; m++) if (isWorkingInstant(s + m * 60_000, cal)) worked += 60_000;
        return worked === workingTimeBetween(s, s + minutes * 60_000, cal);
      }),
      { numRuns: 50 },
    );
  });

  it('the compiled calendar is cached per config object', () => {
    expect(compileCalendar(cal)).toBe(compileCalendar(cal));
  });
});
