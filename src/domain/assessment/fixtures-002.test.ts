import type { Fact, ManualEntry } from './facts';
import { gradeFor, quarterPayout } from './grading';
import { ruleSetMax } from './rule-set';
import { scoreSheet } from './score';
import { shippedRuleSet } from './shipped';
import { counted, misses, picked, rate, scored } from './test-builders';

/** 002's four tables reproduced by hand: every expected total is added up line by line in the comment above it. */

const community = shippedRuleSet('seed-002-community-100')!;
const department = shippedRuleSet('seed-002-department-100')!;
const gridHead = shippedRuleSet('seed-002-grid-head-yuan')!;
const zhanqian = shippedRuleSet('seed-002-zhanqian-100')!;

const line = (sheet: ReturnType<typeof scoreSheet>, id: string) => sheet.lines.find((l) => l.itemId === id)!;

describe('002 L30–50: the community table', () => {
  function month(o: { referral?: number; meeting?: number; supervision?: number; joint?: number; major?: number; leaders: number; honours?: string[]; inspections?: string[]; onTime?: Fact; satisfaction?: Fact }) {
    const entries: ManualEntry[] = [
      counted('weekly_referral', o.referral ?? 0),
      counted('weekly_meeting', o.meeting ?? 0),
      counted('supervision', o.supervision ?? 0),
      scored('info_entry', 10),
      counted('joint_patrol', o.joint ?? 0),
      counted('major_report', o.major ?? 0),
      scored('leaders', o.leaders),
      picked('honours', ...(o.honours ?? [])),
      picked('inspections', ...(o.inspections ?? [])),
    ];
    return scoreSheet(community, { on_time: o.onTime ?? rate(20, 20), satisfaction: o.satisfaction ?? rate(10, 10) }, entries);
  }

  it('adds up to 100', () => expect(ruleSetMax(community)).toBe(100));

  // 8.5 (3 missed referrals) + 10 + 0 (25 misses, 扣完为止) + 10 + 9.5 + 9.5 (86 %: one complete 5 % step)
  // − 5 (3 late major reports, 不封顶) + 8 (70 %: four steps) + 18 + 10 (地市级荣誉) − 10 (县市级检查) = 68.5 → 合格.
  it('a month with every kind of line', () => {
    const sheet = month({ referral: 3, supervision: 25, joint: 1, major: 3, leaders: 18, honours: ['city'], inspections: ['county'], onTime: rate(86, 100), satisfaction: rate(70, 100) });
    expect(line(sheet, 'supervision').points).toBe(0);
    expect(line(sheet, 'major_report').points).toBe(-5);
    expect(line(sheet, 'on_time').points).toBe(9.5);
    expect(line(sheet, 'satisfaction').points).toBe(8);
    expect(sheet.total).toBe(68.5);
    expect(gradeFor(community, sheet.total)).toBe('合格');
  });

  it.each([
    // everything full is 80 + leaders; 3 late major reports take 15 from the 10 → 65 + leaders; one missed referral −0.5.
    [{ leaders: 20 }, 100, '优秀'],
    [{ leaders: 15 }, 95, '优秀'],
    [{ leaders: 14.5 }, 94.5, '良好'],
    [{ leaders: 5 }, 85, '良好'],
    [{ leaders: 4.5 }, 84.5, '合格'],
    [{ leaders: 0, major: 3 }, 65, '合格'],
    [{ leaders: 0, major: 3, referral: 1 }, 64.5, '不合格'],
  ])('band edge %j → %p points, %s', (o, total, grade) => {
    const sheet = month(o);
    expect(sheet.total).toBe(total);
    expect(gradeFor(community, sheet.total)).toBe(grade);
  });

  it('honours lift a full sheet above 100 (国家级 +30 → 130)', () => {
    const sheet = month({ leaders: 20, honours: ['national'] });
    expect(sheet.total).toBe(130);
    expect(sheet.bonus).toBe(30);
  });

  it('优秀 pays 1 000 元 a quarter on the quarter\'s mean; 94.83 pays nothing (002 L50)', () => {
    expect(quarterPayout(community, [96, 95, 94].map((total) => ({ total, vetoed: false })))!.yuan).toBe(1000);
    expect(quarterPayout(community, [96, 95, 93.5].map((total) => ({ total, vetoed: false })))!.yuan).toBe(0);
  });

  it('satisfaction is 满意票 / 抽样票 (002 L41): 85 of 100 is one step short of 90 %', () => {
    expect(line(month({ leaders: 0, satisfaction: rate(85, 100) }), 'satisfaction').formula).toContain('85/100=85.00%');
    expect(line(month({ leaders: 0, satisfaction: rate(85, 100) }), 'satisfaction').points).toBe(9.5);
  });
});

describe('002 L51–56: the department table', () => {
  const month = (handled: number, tracked: number, patrol: number, report: number) =>
    scoreSheet(department, {}, [counted('handled', handled), counted('tracked', tracked), counted('patrol', patrol), counted('weekly_report', report)]);

  it.each([
    [0, 0, 0, 0, 100, '优秀'],
    [5, 0, 0, 0, 95, '优秀'],
    [5, 1, 0, 0, 94, '良好'],
    // 30 + 30 + 0 (25 missed patrols against 20 points, stops at 0) + 20 = 80.
    [0, 0, 25, 0, 80, '合格'],
    // 0 (35 misses against 30) + 24 + 20 + 20 = 64.
    [35, 6, 0, 0, 64, '不合格'],
  ])('handled %p, tracked %p, patrol %p, report %p misses → %p points, %s', (h, t, p, r, total, grade) => {
    const sheet = month(h, t, p, r);
    expect(sheet.total).toBe(total);
    expect(gradeFor(department, sheet.total)).toBe(grade);
  });
});

describe('002 L22–29: the grid head\'s money rules', () => {
  const month = (o: { log?: number; info: number; resolved: number; hosted: number; meetings: number; missed: number; unreported: number }) =>
    scoreSheet(
      gridHead,
      { valid_info: misses(o.info, 'case'), resolved: misses(o.resolved, 'case'), meetings: misses(o.meetings, 'meeting'), missed_patrol: misses(o.missed) },
      [scored('patrol_log', o.log ?? 50), counted('inspections_hosted', o.hosted), counted('unreported', o.unreported)],
    );

  // 50 + 50 (22 ≥ 20 items) + 3×10 + 1×50 + 5×20 − 2×50 − 0 = 180 元.
  it('a good month earns 180 元', () => expect(month({ info: 22, resolved: 3, hosted: 1, meetings: 5, missed: 2, unreported: 0 }).total).toBe(180));
  // 50 + 50 (exactly 20) + 0 + 0 + 4×20 − 0 − 0 = 180; 19 items lose the 50: 130.
  it('20 valid items is the edge of the 50 元 award', () => {
    expect(month({ info: 20, resolved: 0, hosted: 0, meetings: 4, missed: 0, unreported: 0 }).total).toBe(180);
    expect(month({ info: 19, resolved: 0, hosted: 0, meetings: 4, missed: 0, unreported: 0 }).total).toBe(130);
  });
  // 0 (messy log) + 0 + 10 + 0 + 40 − 4×50 − 1×50 = −200 元: fines can exceed awards.
  it('fines can take a month below zero', () => expect(month({ log: 0, info: 3, resolved: 1, hosted: 0, meetings: 2, missed: 4, unreported: 1 }).total).toBe(-200));
  it('a month with nothing recorded is 0 元 and names what nobody has entered yet', () => {
    const sheet = scoreSheet(gridHead, {}, []);
    expect(sheet.total).toBe(0);
    expect(sheet.pendingItems).toEqual(['patrol_log', 'inspections_hosted', 'unreported']);
  });
});

describe('002 L118–136: 站前\'s table', () => {
  const month = (coverage: Fact, disposal: Fact, satisfaction: Fact, leaders: number, bonus: string[] = [], penalty: string[] = []) =>
    scoreSheet(zhanqian, { coverage, disposal, satisfaction }, [scored('leaders', leaders), picked('bonus', ...bonus), picked('penalty', ...penalty)]);

  it('adds up to 100', () => expect(ruleSetMax(zhanqian)).toBe(100));

  // 35×20/22 = 31.82 + 45×45/50 = 40.5 + 10×18/20 = 9 + 8 + min(10+15, 20) − 2 = 107.32.
  it('rates convert to their share of the points and bonuses stop at 20', () => {
    const sheet = month(rate(20, 22), rate(45, 50), rate(18, 20), 8, ['city', 'province'], ['minor']);
    expect(line(sheet, 'coverage').points).toBe(31.82);
    expect(line(sheet, 'bonus').points).toBe(20);
    expect(sheet.total).toBe(107.32);
    expect(gradeFor(zhanqian, sheet.total)).toBe('优秀');
  });

  it.each([
    [rate(22, 22), 5, 95, '优秀'],
    [rate(22, 22), 4.5, 94.5, '良好'],
    // 17.5 + 36 + 10 + 1.5 = 65; with 1 point of leaders' judgement 64.5.
    [rate(11, 22), 1.5, 65, '合格'],
    [rate(11, 22), 1, 64.5, '不合格'],
  ])('coverage %j with leaders %p → %p points, %s', (coverage, leaders, total, grade) => {
    const disposal = coverage.kind === 'rate' && coverage.numerator === 11 ? rate(40, 50) : rate(50, 50);
    const sheet = month(coverage, disposal, rate(10, 10), leaders);
    expect(sheet.total).toBe(total);
    expect(gradeFor(zhanqian, sheet.total)).toBe(grade);
  });
});
