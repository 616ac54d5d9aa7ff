import { bulletinTitle, redBlack, type BulletinRow } from './bulletin';

const row = (rank: number, total: number): BulletinRow => ({ rank, name: `人${rank}`, total, grade: null, paidYuan: null, flags: [] });

describe('红黑榜', () => {
  it('takes three from the top and three from the bottom of a long ranking', () => {
    const rows = [98, 95, 93, 90, 88, 85, 80, 70].map((t, i) => row(i + 1, t));
    const { red, black } = redBlack(rows);
    expect(red.map((r) => r.total)).toEqual([98, 95, 93]);
    expect(black.map((r) => r.total)).toEqual([70, 80, 85]);
  });
  it('never puts the same person on both lists, and a tie with the red list stays off the black one', () => {
    expect(redBlack([row(1, 90)])).toEqual({ red: [], black: [] });
    const { red, black } = redBlack([row(1, 90), row(1, 90), row(3, 80), row(4, 90)]);
    expect(red.map((r) => r.total)).toEqual([90, 90]);
    expect(black.map((r) => r.total)).toEqual([80]);
  });
  it('names the scope, month and table', () => {
    expect(bulletinTitle('red_black', '2026-11', '肥东路社区', '网格考核(一般人员,百分制)')).toBe('肥东路社区2026年11月网格考核(一般人员,百分制)红黑榜');
  });
});
