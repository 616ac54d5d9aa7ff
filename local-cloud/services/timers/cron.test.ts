import { CloudbaseCron, yearMatcher } from './cron';

describe('CloudBase 7-field cron', () => {
  it('fires the every-minute heartbeat at second 0 of the next minute', () => {
    expect(new CloudbaseCron('0 * * * * * *').nextAfter(new Date('2026-11-23T08:00:30Z'))).toEqual(new Date('2026-11-23T08:01:00Z'));
  });

  it('reads hours on Beijing time, as CloudBase timers do', () => {
    // 02:00 on the 1st in Beijing is 18:00 UTC the day before.
    expect(new CloudbaseCron('0 0 2 1 * * *').nextAfter(new Date('2026-11-23T00:00:00Z'))).toEqual(new Date('2026-11-30T18:00:00Z'));
  });

  it('skips to the year the year field names', () => {
    expect(new CloudbaseCron('0 0 2 1 1 * 2030').nextAfter(new Date('2026-11-23T00:00:00Z'))).toEqual(new Date('2029-12-31T18:00:00Z'));
  });

  it('never fires again when the year field names only past years', () => {
    expect(new CloudbaseCron('0 0 2 1 * * 2020').nextAfter(new Date('2026-11-23T00:00:00Z'))).toBeNull();
  });

  it('refuses a five-field Unix cron, which CloudBase would not accept either', () => {
    expect(() => new CloudbaseCron('*/5 * * * *')).toThrow(/7 fields/);
  });

  it('understands year lists, ranges and steps', () => {
    expect([2026, 2027, 2028, 2030].map(yearMatcher('2026-2027,2030'))).toEqual([true, true, false, true]);
    expect([2026, 2027, 2028].map(yearMatcher('2026/2'))).toEqual([true, false, true]);
    expect(yearMatcher('*')(2031)).toBe(true);
  });
});
