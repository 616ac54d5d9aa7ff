/**
 * China civil time on a fixed +8 h offset. China has had no DST since 1991, so a constant offset is exact,
 * and doing the arithmetic on epoch ms keeps results identical whatever TZ the machine (or CI, in UTC) runs in.
 */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant moved by China's offset: its UTC fields (`getUTCHours`, `toISOString`) read China
 * wall-clock time, whatever zone the phone or server runs in. For display and keys only — never compare
 * it with a real instant.
 */
export function chinaWall(t: Instant | string): Date {
  return new Date(new Date(typeof t === 'string' ? t : toEpochMs(t)).getTime() + CHINA_OFFSET_MS);
}

/** An instant: epoch ms or a Date. Never read from the clock inside the domain; callers pass it in. */
export type Instant = number | Date;

export function toEpochMs(t: Instant): number {
  const ms = typeof t === 'number' ? t : t.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`invalid instant: ${String(t)}`);
  return ms;
}

/** Days since 1970-01-01 in China time (the China calendar day an instant falls on). */
export function chinaDayIndex(epochMs: number): number {
  return Math.floor((epochMs + CHINA_OFFSET_MS) / DAY_MS);
}

/** The instant China-time midnight starts the given day. */
export function chinaDayStart(dayIndex: number): number {
  return dayIndex * DAY_MS - CHINA_OFFSET_MS;
}

/** `YYYY-MM-DD` of a China day; read with UTC getters so the host TZ never shifts it. */
export function chinaIsoDate(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday (4). */
export function chinaWeekday(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` → China day index. */
export function dayIndexOfIsoDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** A China wall-clock time → instant, e.g. `chinaInstant('2025-10-09', '08:30')`. Handy for config and tests. */
export function chinaInstant(isoDate: string, hhmm = '00:00'): number {
  return chinaDayStart(dayIndexOfIsoDate(isoDate)) + minutesOfHhmm(hhmm) * 60_000;
}

export function minutesOfHhmm(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
