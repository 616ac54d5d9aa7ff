import { DEFAULT_PATROL_RULES, resolvePatrolRules } from './rules';
import { elapsedLabel, minutesByChinaDay, minutesPatrolled, thinIntoTrack, type TrackPoint } from './track';

const rules = resolvePatrolRules(undefined);
const START = new Date('2026-11-30T09:00:00+08:00');
const at = (seconds: number): TrackPoint => ({ at: new Date(START.getTime() + seconds * 1000), lat: 31.86, lng: 117.28 });
const window = (nowSeconds: number) => ({ startedAt: START, now: at(nowSeconds).at });

describe('thinning a patrol track', () => {
  it('keeps one point per 30 s from points sampled every 10 s', () => {
    const points = Array.from({ length: 19 }, (_, i) => at(i * 10));
    const r = thinIntoTrack([], points, window(600), rules);
    expect(r.kept.map((p) => (p.at.getTime() - START.getTime()) / 1000)).toEqual([0, 30, 60, 90, 120, 150, 180]);
    expect(r.thinned).toBe(12);
  });

  it('counts the interval from the last stored point, so the next batch continues the rhythm', () => {
    const r = thinIntoTrack([at(60)], [at(70), at(85), at(90), at(100)], window(600), rules);
    expect(r.kept.map((p) => p.at.getTime())).toEqual([at(90).at.getTime()]);
  });

  it('is the same whatever order the batch arrives in', () => {
    const points = [at(90), at(0), at(45), at(30), at(60)];
    expect(thinIntoTrack([], points, window(600), rules).kept).toEqual(thinIntoTrack([], [...points].reverse(), window(600), rules).kept);
  });

  it('drops points from before the start, after the end, or further in the future than the allowed clock skew', () => {
    const skew = DEFAULT_PATROL_RULES.clockSkewSeconds.value;
    const r = thinIntoTrack([], [at(-1), at(0), at(600 + skew + 1)], window(600), rules);
    expect(r).toMatchObject({ outOfWindow: 2, kept: [at(0)] });
    const ended = thinIntoTrack([], [at(0), at(120)], { ...window(600), endedAt: at(100).at }, rules);
    expect(ended).toMatchObject({ outOfWindow: 1, kept: [at(0)] });
  });

  it('stops at the street\'s cap and says how many were left out', () => {
    const r = thinIntoTrack([], [at(0), at(30), at(60), at(90)], window(600), { ...rules, maxPointsPerPatrol: 2 });
    expect(r).toMatchObject({ overCap: 2 });
    expect(r.kept).toHaveLength(2);
  });

  it('a replayed older batch stores nothing (its points are not after the last one)', () => {
    expect(thinIntoTrack([at(0), at(30), at(60)], [at(0), at(30)], window(600), rules).kept).toEqual([]);
  });
});

describe('minutes patrolled (002 L23: 不少于1小时)', () => {
  it('counts whole minutes from start to end', () => {
    expect(minutesPatrolled({ startedAt: START, endedAt: at(70 * 60 + 59).at }, at(99_999).at, rules)).toBe(70);
  });

  it('counts a running patrol up to now, and never past the street\'s maximum length', () => {
    expect(minutesPatrolled({ startedAt: START }, at(30 * 60).at, rules)).toBe(30);
    expect(minutesPatrolled({ startedAt: START }, at(24 * 3600).at, rules)).toBe(DEFAULT_PATROL_RULES.maxPatrolMinutes.value);
  });

  it('splits a patrol over midnight (China time) between the two days', () => {
    const late = new Date('2026-11-30T23:30:00+08:00');
    const end = new Date('2026-12-01T00:45:00+08:00');
    expect(minutesByChinaDay({ startedAt: late, endedAt: end }, end, rules)).toEqual({ '2026-11-30': 30, '2026-12-01': 45 });
  });

  it('shows elapsed time as the page does', () => {
    expect(elapsedLabel(65 * 60_000)).toBe('1小时05分');
    expect(elapsedLabel(9 * 60_000 + 59_000)).toBe('9分钟');
  });
});
