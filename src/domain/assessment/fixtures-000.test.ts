import type { Fact, ManualEntry } from './facts';
import { flagsFor, gradeFor, payoutFor, quarterPayout } from './grading';
import { ruleSetMax } from './rule-set';
import { scoreSheet } from './score';
import { shippedRuleSet } from './shipped';
import { misses, picked, rate, scored, vetoed } from './test-builders';

/**
 * 000 L39–45 reproduced by hand. Each case lists the lines as a person would add them on paper; the
 * expected payouts are the seed's own yuan figures (L42: 500/450/400/350; L43: 400/360/320/280).
 */

const worker = shippedRuleSet('seed-000-worker-100')!;
const leader = shippedRuleSet('seed-000-leader-120')!;

interface Month {
  household: number;
  onTime: Fact;
  patrolMissed: number;
  satisfaction: Fact;
  inspections?: string[];
  leadership?: number;
  veto?: boolean;
}

function sheetOf(set: typeof worker, m: Month) {
  const entries: ManualEntry[] = [scored('household_info', m.household), scored('civility', 20), scored('stability', 20)];
  if (m.inspections) entries.push(picked('inspections', ...m.inspections));
  if (m.leadership !== undefined) entries.push(scored('leadership', m.leadership));
  if (m.veto) entries.push(vetoed('veto'));
  return scoreSheet(set, { on_time: m.onTime, patrol: misses(m.patrolMissed), satisfaction: m.satisfaction }, entries);
}

describe('000 L43: 一般人员, 100 points, 400 元 a month', () => {
  it('the shipped table adds up to 100 and the leaders\' to 120', () => {
    expect(ruleSetMax(worker)).toBe(100);
    expect(ruleSetMax(leader)).toBe(120);
  });

  // household 16 + 20 + 20 = 56; on time 95/100 reaches 95 % → 15; one missed patrol day → 9; satisfaction 100 % → 10.
  it('exactly 90 points is "90分以上" and pays the full 400 元', () => {
    const sheet = sheetOf(worker, { household: 16, onTime: rate(95, 100), patrolMissed: 1, satisfaction: rate(10, 10) });
    expect(sheet.total).toBe(90);
    expect(payoutFor(worker, sheet.total)).toMatchObject({ percent: 100, yuan: 400 });
  });

  // 56 + on time 90 % (one full 5 % step short → 15 − 1.5 = 13.5) + 10 + 10 = 89.5.
  it('89.5 points falls under 90 and pays 90 %, 360 元', () => {
    const sheet = sheetOf(worker, { household: 16, onTime: rate(90, 100), patrolMissed: 0, satisfaction: rate(10, 10) });
    expect(sheet.lines.find((l) => l.itemId === 'on_time')!.points).toBe(13.5);
    expect(sheet.total).toBe(89.5);
    expect(payoutFor(worker, sheet.total)).toMatchObject({ percent: 90, yuan: 360 });
  });

  // 11 + 20 + 20 + 15 + 9 + 10 = 85 → 360; 51 + 13.5 + 10 + 10 = 84.5 → 320.
  it('85 points pays 360 元 and 84.5 points 320 元', () => {
    const at85 = sheetOf(worker, { household: 11, onTime: rate(19, 20), patrolMissed: 1, satisfaction: rate(9, 10) });
    expect(at85.total).toBe(85);
    expect(payoutFor(worker, at85.total)!.yuan).toBe(360);
    const at845 = sheetOf(worker, { household: 11, onTime: rate(18, 20), patrolMissed: 0, satisfaction: rate(9, 10) });
    expect(at845.total).toBe(84.5);
    expect(payoutFor(worker, at845.total)!.yuan).toBe(320);
  });

  // 6 + 20 + 20 + 15 + 9 + 10 = 80 → 320; with on time 90 % and no missed day: 46 + 13.5 + 10 + 10 = 79.5 → 280.
  it('80 points pays 320 元 and 79.5 points 280 元', () => {
    expect(payoutFor(worker, sheetOf(worker, { household: 6, onTime: rate(95, 100), patrolMissed: 1, satisfaction: rate(9, 10) }).total)).toMatchObject({ yuan: 320 });
    const low = sheetOf(worker, { household: 6, onTime: rate(90, 100), patrolMissed: 0, satisfaction: rate(9, 10) });
    expect(low.total).toBe(79.5);
    expect(payoutFor(worker, low.total)).toMatchObject({ percent: 70, yuan: 280 });
  });

  it('a provincial inspection finding counts directly (000 L44): 100 − 30 = 70, and 15 missed days stop the patrol item at 0', () => {
    const sheet = sheetOf(worker, { household: 25, onTime: rate(1, 1), patrolMissed: 15, satisfaction: rate(1, 1), inspections: ['province'] });
    const patrol = sheet.lines.find((l) => l.itemId === 'patrol')!;
    expect(patrol.points).toBe(0);
    expect(patrol.formula).toContain('扣完为止');
    expect(sheet.total).toBe(100 - 10 - 30);
    expect(payoutFor(worker, sheet.total)!.yuan).toBe(280);
  });

  it('a 一票否决 makes full marks 不合格 with no payout (001 L123)', () => {
    const sheet = sheetOf(worker, { household: 25, onTime: rate(1, 1), patrolMissed: 0, satisfaction: rate(1, 1), veto: true });
    expect(sheet.total).toBe(100);
    expect(sheet.vetoed).toBe(true);
    expect(gradeFor(worker, sheet.total, sheet.vetoed)).toBe('不合格');
    expect(payoutFor(worker, sheet.total, sheet.vetoed)!.yuan).toBe(0);
  });

  it('three results in a row under 80 raise 留岗查看, a fourth raises 待岗或辞退, a break in the run raises nothing', () => {
    expect(flagsFor(worker, [79.5, 70, 79.99]).map((f) => f.label)).toEqual(['留岗查看']);
    expect(flagsFor(worker, [95, 79.5, 70, 79.99, 60]).map((f) => f.label)).toEqual(['留岗查看', '待岗或辞退(视情况)']);
    expect(flagsFor(worker, [79.5, 80, 79])).toEqual([]);
    expect(flagsFor(worker, [70, 70])).toEqual([]);
  });

  it('a quarter pays the sum of its three monthly payouts (000 L39 每季度兑现)', () => {
    const q = quarterPayout(worker, [
      { total: 90, vetoed: false },
      { total: 89.5, vetoed: false },
      { total: 79.5, vetoed: false },
    ])!;
    expect(q.yuan).toBe(400 + 360 + 280);
  });
});

describe('000 L42: 书记、主任, 120 points, 500 元 a month', () => {
  const full = { household: 25, onTime: rate(1, 1), patrolMissed: 0, satisfaction: rate(1, 1) };

  it.each([
    // 100 of the checked items + leadership L; the seed's amounts for each band edge.
    [0, 100, 100, 500],
    [-0.5, 99.5, 90, 450],
    [-10, 90, 90, 450],
    [-10.5, 89.5, 80, 400],
    [-15, 85, 80, 400],
    [-15.5, 84.5, 70, 350],
  ])('leadership adjustment %p gives %p points, %p %% and %p 元', (delta, total, percent, yuan) => {
    // Lower the household item (max 25) by delta beyond leadership 0.
    const sheet = sheetOf(leader, { ...full, household: 25 + delta, leadership: 0 });
    expect(sheet.total).toBe(total);
    expect(payoutFor(leader, sheet.total)).toMatchObject({ percent, yuan });
  });

  it('120 points is the maximum and pays 500 元', () => {
    const sheet = sheetOf(leader, { ...full, leadership: 20 });
    expect(sheet.total).toBe(120);
    expect(sheet.max).toBe(120);
    expect(payoutFor(leader, sheet.total)!.yuan).toBe(500);
  });

  it('three months in a row under 85 raise 停职; exactly 85 in the middle does not', () => {
    expect(flagsFor(leader, [84.5, 60, 84.99]).map((f) => f.label)).toEqual(['停职']);
    expect(flagsFor(leader, [84.5, 85, 84.99])).toEqual([]);
  });
});
