import { chinaDayIndex, chinaDayStart, toEpochMs, type Instant } from './china-time';
import type { WorkingCalendarConfig } from './config';
import { compileCalendar, type CompiledCalendar } from './working-day';

/**
 * Guard against a config with no working day at all (every weekday off and nothing added): without it
 * `addWorkingTime` would walk forever. Twenty years of days is far past any deadline we compute.
 */
const MAX_DAYS_SCANNED = 366 * 20;

/** Working periods are half-open, [start, end): 08:30 is working time, 12:00 is lunch. */
export function isWorkingInstant(t: Instant, cfg: WorkingCalendarConfig): boolean {
  const ms = toEpochMs(t);
  const cal = compileCalendar(cfg);
  const day = chinaDayIndex(ms);
  if (!cal.isWorkingDay(day)) return false;
  const offset = ms - chinaDayStart(day);
  return cal.periods.some(([s, e]) => offset >= s && offset < e);
}

/**
 * The instant at which `durationMs` of working time has elapsed since `start` (epoch ms).
 *
 * - `durationMs = 0` returns `start` unchanged, even outside working hours: a deadline of "immediately"
 *   (突发性, 001 L123 "立即上报") means now, not at the next office opening.
 * - For `durationMs > 0` the result is the instant the last working millisecond ends, so it lies inside a
 *   working period or exactly at its closing edge: 1 h from Friday 16:30 is Friday 17:30 (due "by close of
 *   day"), never Monday 08:30, and never inside a lunch break, night, weekend or holiday.
 * - Negative or non-finite durations are a programming error (RangeError).
 */
export function addWorkingTime(start: Instant, durationMs: number, cfg: WorkingCalendarConfig): number {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`durationMs must be ≥ 0, got ${durationMs}`);
  const from = toEpochMs(start);
  if (durationMs === 0) return from;
  const cal = compileCalendar(cfg);
  let remaining = durationMs;
  let day = chinaDayIndex(from);
  let cursor = from;
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day++, cursor = chinaDayStart(day)) {
    if (!cal.isWorkingDay(day)) continue;
    const dayStart = chinaDayStart(day);
    // Whole day still ahead and not enough to finish in it: skip it in one step.
    if (cursor === dayStart && remaining > cal.dailyWorkingMs) {
      remaining -= cal.dailyWorkingMs;
      continue;
    }
    for (const [s, e] of cal.periods) {
      const periodEnd = dayStart + e;
      if (cursor >= periodEnd) continue;
      const periodFrom = Math.max(cursor, dayStart + s);
      const available = periodEnd - periodFrom;
      if (remaining <= available) return periodFrom + remaining;
      remaining -= available;
    }
  }
  throw new RangeError('working calendar has no working time within 20 years');
}

/**
 * Milliseconds of working time in [a, b). Signed: when b < a the result is minus the working time in
 * [b, a), and 0 when b = a, so `workingTimeBetween(now, dueAt)` is "working time left" and goes negative
 * once a deadline has passed.
 */
export function workingTimeBetween(a: Instant, b: Instant, cfg: WorkingCalendarConfig): number {
  const from = toEpochMs(a);
  const to = toEpochMs(b);
  if (to < from) return -workingTimeBetween(to, from, cfg);
  const cal = compileCalendar(cfg);
  let total = 0;
  for (let day = chinaDayIndex(from), last = chinaDayIndex(to); day <= last; day++) {
    if (!cal.isWorkingDay(day)) continue;
    total += overlapWithWorkingPeriods(cal, day, from, to);
  }
  return total;
}

function overlapWithWorkingPeriods(cal: CompiledCalendar, day: number, from: number, to: number): number {
  const dayStart = chinaDayStart(day);
  if (from <= dayStart && to >= dayStart + 86_400_000) return cal.dailyWorkingMs;
  let sum = 0;
  for (const [s, e] of cal.periods) {
    const overlap = Math.min(to, dayStart + e) - Math.max(from, dayStart + s);
    if (overlap > 0) sum += overlap;
  }
  return sum;
}

/** 000 L23 "半个工作日上报街道相关部门": half of one full day's configured working time (3 h 45 min by default). */
export function halfWorkingDay(cfg: WorkingCalendarConfig): number {
  return compileCalendar(cfg).dailyWorkingMs / 2;
}

/** One full day's configured working time (7 h 30 min by default); "5 working days" is five of these. */
export function workingDay(cfg: WorkingCalendarConfig): number {
  return compileCalendar(cfg).dailyWorkingMs;
}
