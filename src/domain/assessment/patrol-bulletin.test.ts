import { chinaInstant } from '../calendar/china-time';
import { datesOf, halfMonthOf, halfMonthSchema, patrolBulletinRows, recentHalfMonths } from './patrol-bulletin';

describe('巡查通报 half-months and rows (002 L151)', () => {
  it('splits a month at the 15th, ends February and December on their last days, in China time', () => {
    expect(halfMonthOf('2026-02-2')).toMatchObject({ firstDate: '2026-02-16', lastDate: '2026-02-28', label: '2026年2月下半月' });
    expect(halfMonthOf('2028-02-2').lastDate).toBe('2028-02-29');
    const dec = halfMonthOf('2026-12-2');
    expect([dec.lastDate, dec.end]).toEqual(['2026-12-31', chinaInstant('2027-01-01')]);
    const first = halfMonthOf('2026-11-1');
    expect([first.start, first.end, datesOf(first).length]).toEqual([chinaInstant('2026-11-01'), chinaInstant('2026-11-16'), 15]);
  });

  it('offers the half-months before the current one, across a year end', () => {
    expect(recentHalfMonths(chinaInstant('2027-01-10', '09:00'), 3)).toEqual(['2026-12-2', '2026-12-1', '2026-11-2']);
    expect(recentHalfMonths(chinaInstant('2026-11-16', '00:00'), 1)).toEqual(['2026-11-1']);
    // 23:30 UTC on the 15th is already the 16th in China.
    expect(recentHalfMonths(Date.parse('2026-11-15T16:30:00Z'), 1)).toEqual(['2026-11-1']);
  });

  it('refuses a malformed half-month with a Chinese message', () => {
    expect(halfMonthSchema.safeParse('2026-11-3').error?.issues[0].message).toContain('半月格式应为');
    expect(halfMonthSchema.safeParse('2026-11-1').success).toBe(true);
  });

  it('ranks by missed days then minutes, ties sharing a rank; rest days and other workers never count', () => {
    const h = halfMonthOf('2026-11-2');
    const isWorking = (d: string) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());
    const p = (workerId: string, date: string, minutes = 60) => ({ workerId, date, minutes, checkIns: 1, casesFiled: 0, onSpot: 0 });
    const rows = patrolBulletinRows(
      h,
      [{ id: 'a', name: '甲' }, { id: 'b', name: '乙' }, { id: 'c', name: '丙' }],
      [p('a', '2026-11-16'), p('b', '2026-11-16'), p('c', '2026-11-16', 90), p('c', '2026-11-21'), p('x', '2026-11-17'), p('a', '2026-11-15')],
      isWorking,
    );
    // 16th–30th November 2026: 11 working days (Mon–Fri).
    expect(rows.map((r) => [r.rank, r.name, r.patrolDays, r.workingDays, r.missedDays, r.restDayPatrols, r.minutes, r.checkIns])).toEqual([
      [1, '丙', 1, 11, 10, 1, 150, 2],
      // Tied: same rank, then by name in pinyin order (jiǎ before yǐ).
      [2, '甲', 1, 11, 10, 0, 60, 1],
      [2, '乙', 1, 11, 10, 0, 60, 1],
    ]);
  });
});
