import { DomainError } from '../errors';
import { applyCoverTransfers } from './grading';
import { ruleSetSchema } from './rule-set';
import { checkEntryValue } from './score';
import { SHIPPED_RULE_SETS, shippedRuleSet } from './shipped';

describe('rule sets are data', () => {
  it('every shipped table cites its seed lines on every item', () => {
    expect(SHIPPED_RULE_SETS.map((s) => s.id)).toHaveLength(6);
    for (const set of SHIPPED_RULE_SETS) for (const item of set.items) expect(item.source).toMatch(/\d{3} L\d+/);
  });

  it('a table with two items of the same id is refused in Chinese, naming the item', () => {
    const set = structuredClone(shippedRuleSet('seed-002-department-100')!);
    set.items.push({ ...set.items[0] });
    const result = ruleSetSchema.safeParse(set);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ message: '条目编号 handled 重复', path: ['items', 4, 'id'] });
  });

  it('grade bands out of order are refused', () => {
    const set = structuredClone(shippedRuleSet('seed-002-community-100')!);
    set.grades = [...set.grades].reverse();
    expect(ruleSetSchema.safeParse(set).error!.issues[0].message).toBe('等级应从高到低排列,下限逐级降低');
  });

  it('an item without its source is refused', () => {
    const set = structuredClone(shippedRuleSet('seed-002-community-100')!);
    set.items[0].source = '';
    expect(ruleSetSchema.safeParse(set).error!.issues[0]).toMatchObject({ message: '请写明依据', path: ['items', 0, 'source'] });
  });
});

describe('what an assessor may enter', () => {
  const community = shippedRuleSet('seed-002-community-100')!;
  const item = (id: string) => community.items.find((i) => i.id === id)!;
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e instanceof DomainError ? { code: e.code, message: e.message, fields: e.fields } : e;
    }
    return null;
  };

  it('points above the item\'s maximum are refused', () => {
    expect(refusal(() => checkEntryValue(item('leaders'), { kind: 'points', points: 21 }))).toEqual({ code: 'INVALID_INPUT', message: '分数不能超过满分20', fields: { 'value.points': '分数不能超过满分20' } });
  });
  it('a rate the system computes cannot be typed in', () => {
    expect(refusal(() => checkEntryValue(item('on_time'), { kind: 'count', count: 1 }))).toMatchObject({ code: 'INVALID_INPUT', fields: { itemId: expect.stringContaining('自动计算') } });
  });
  it('an option the table does not list is refused', () => {
    expect(refusal(() => checkEntryValue(item('honours'), { kind: 'options', optionIds: ['galactic'] }))).toMatchObject({ message: '没有「galactic」这一项' });
  });
  it('a count for a count item is accepted', () => {
    expect(refusal(() => checkEntryValue(item('weekly_referral'), { kind: 'count', count: 3 }))).toBeNull();
  });
});

describe('AB岗 cover for long sick leave (000 L45)', () => {
  it('the absent person\'s incentive goes to the cover, who keeps their own', () => {
    const out = applyCoverTransfers(
      [
        { personId: 'sick', yuan: 360, notes: [] },
        { personId: 'cover', yuan: 400, notes: [] },
      ],
      [{ absentPersonId: 'sick', coverPersonId: 'cover', reason: '病假11月全月' }],
    );
    expect(out.find((p) => p.personId === 'sick')).toMatchObject({ yuan: 0 });
    expect(out.find((p) => p.personId === 'cover')).toMatchObject({ yuan: 760, notes: ['顶岗所得360元(病假11月全月)'] });
  });
});
