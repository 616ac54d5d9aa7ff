import { chinaDayIndex, chinaDayStart, chinaIsoDate, DAY_MS } from '../calendar/china-time';
import { MINUTE_MS, SECOND_MS, type PatrolRules } from './rules';

/** One sampled location: when the device took it (epoch ms), where, and how sure it was (metres). */
export interface TrackPoint {
  at: Date;
  lat: number;
  lng: number;
  acc?: number;
}

export interface ThinResult {
  /** The points to append, oldest first, each at least the minimum interval after the one before. */
  kept: TrackPoint[];
  /** Too close to a kept point (the device sampled faster than the street's interval). */
  thinned: number;
  /** Before the patrol began, or later than the server's clock allows (a wrong phone clock). */
  outOfWindow: number;
  /** The patrol's track is full (maxPointsPerPatrol): the rest is not stored. */
  overCap: number;
}

/**
 * Merges a batch of device points into a stored track: sorted by time, only points inside the patrol
 * (from its start until now plus the allowed phone-clock skew, and never after its end), at most one
 * per `minPointIntervalSeconds` counted from the last stored point, and no more than the cap. Pure and
 * order-independent for a batch, so a batch replayed by the offline queue thins the same way.
 */
export function thinIntoTrack(
  stored: readonly TrackPoint[],
  incoming: readonly TrackPoint[],
  window: { startedAt: Date; endedAt?: Date; now: Date },
  rules: Pick<PatrolRules, 'minPointIntervalSeconds' | 'maxPointsPerPatrol' | 'clockSkewSeconds'>,
): ThinResult {
  const interval = rules.minPointIntervalSeconds * SECOND_MS;
  const latestAllowed = Math.min(window.now.getTime() + rules.clockSkewSeconds * SECOND_MS, window.endedAt?.getTime() ?? Infinity);
  const sorted = [...incoming].sort((a, b) => a.at.getTime() - b.at.getTime());
  const result: ThinResult = { kept: [], thinned: 0, outOfWindow: 0, overCap: 0 };
  let last = stored.length ? stored[stored.length - 1].at.getTime() : -Infinity;
  let room = Math.max(0, rules.maxPointsPerPatrol - stored.length);
  for (const point of sorted) {
    const t = point.at.getTime();
    if (t < window.startedAt.getTime() || t > latestAllowed) result.outOfWindow += 1;
    else if (t - last < interval) result.thinned += 1;
    else if (room === 0) result.overCap += 1;
    else {
      result.kept.push(point);
      last = t;
      room -= 1;
    }
  }
  return result;
}

/** When the patrol counts as over: its end, or — still running — now, never past the street's maximum length. */
export function patrolEndFor(p: { startedAt: Date; endedAt?: Date }, now: Date, rules: Pick<PatrolRules, 'maxPatrolMinutes'>): Date {
  const cap = p.startedAt.getTime() + rules.maxPatrolMinutes * MINUTE_MS;
  return new Date(Math.min(p.endedAt?.getTime() ?? now.getTime(), cap));
}

/** Whole minutes patrolled (rounded down): the figure 002 L23's "不少于1小时" is checked against. */
export function minutesPatrolled(p: { startedAt: Date; endedAt?: Date }, now: Date, rules: Pick<PatrolRules, 'maxPatrolMinutes'>): number {
  const end = patrolEndFor(p, now, rules).getTime();
  return Math.max(0, Math.floor((end - p.startedAt.getTime()) / MINUTE_MS));
}

/**
 * Minutes per China calendar day (a patrol over midnight counts on both days), keyed `YYYY-MM-DD`:
 * the daily rule (002 L23) is per day, and the compliance view adds these up.
 */
export function minutesByChinaDay(p: { startedAt: Date; endedAt?: Date }, now: Date, rules: Pick<PatrolRules, 'maxPatrolMinutes'>): Record<string, number> {
  const start = p.startedAt.getTime();
  const end = patrolEndFor(p, now, rules).getTime();
  const out: Record<string, number> = {};
  for (let day = chinaDayIndex(start); end > start && chinaDayStart(day) < end; day += 1) {
    const from = Math.max(start, chinaDayStart(day));
    const to = Math.min(end, chinaDayStart(day) + DAY_MS);
    const minutes = Math.floor((to - from) / MINUTE_MS);
    if (minutes > 0) out[chinaIsoDate(day)] = minutes;
  }
  return out;
}

/** "1小时05分" — elapsed time as the patrol page shows it. */
export function elapsedLabel(ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE_MS));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return hours ? `${hours}小时${String(minutes).padStart(2, '0')}分` : `${minutes}分钟`;
}

/** Straight-line metres between two points (haversine): enough to show a patrol's rough length. */
export function metresBetween(a: Pick<TrackPoint, 'lat' | 'lng'>, b: Pick<TrackPoint, 'lat' | 'lng'>): number {
  const earthRadius = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadius * Math.asin(Math.sqrt(h));
}

export const trackLengthMetres = (track: readonly TrackPoint[]): number =>
  track.reduce((sum, p, i) => (i === 0 ? 0 : sum + metresBetween(track[i - 1], p)), 0);
