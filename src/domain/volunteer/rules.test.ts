import { DomainError } from '../errors';
import { activeRule, DEFAULT_POINTS_RULES, pointsForAward, resolvePointsRules, streetPointsRulesSchema } from './rules';

const byId = (id: string) => DEFAULT_POINTS_RULES.find((r) => r.id === id)!;

describe('the default points table (001 L845–877)', () => {
  it('has the thirteen lines of the street regulation with stable ids', () => {
    expect(DEFAULT_POINTS_RULES.map((r) => [r.id, r.points])).toEqual([
      ['resident.everyday_help', 2],
      ['resident.mediation', 3],
      ['resident.vulnerable_care', 3],
      ['resident.youth', 2],
      ['resident.charity', 3],
      ['culture.civility', 2],
      ['culture.policy', 2],
      ['culture.public_benefit', 2],
      ['governance.sanitation', 2],
      ['governance.hazard_check', 2],
      ['governance.patrol', 2],
      ['governance.lead_report', 5],
      ['other.adhoc', null],
    ]);
  });

  it('every rule names its source line', () => {
    for (const rule of DEFAULT_POINTS_RULES) expect(rule.source).toMatch(/^001 L8\d\d /);
  });

  it('only the lead report waits for a confirmed case', () => {
    expect(DEFAULT_POINTS_RULES.filter((r) => r.requiresConfirmedCase).map((r) => r.id)).toEqual(['governance.lead_report']);
  });

  it('only 其他 needs the street to approve its points', () => {
    expect(DEFAULT_POINTS_RULES.filter((r) => r.requiresStreetApproval).map((r) => r.id)).toEqual(['other.adhoc']);
  });
});

describe('a street’s own rule set', () => {
  it('a street with no overrides uses the defaults unchanged', () => {
    expect(resolvePointsRules(streetPointsRulesSchema.parse({ streetId: 'st-1' }))).toEqual(DEFAULT_POINTS_RULES);
  });

  it('an administrator can change a rule’s points and the reason is kept with the source', () => {
    const config = streetPointsRulesSchema.parse({ streetId: 'st-1', overrides: [{ ruleId: 'resident.mediation', points: 4, reason: '街道领导小组2025-02会议决定' }] });
    const rule = resolvePointsRules(config).find((r) => r.id === 'resident.mediation')!;
    expect(rule.points).toBe(4);
    expect(rule.source).toContain('街道领导小组2025-02会议决定');
  });

  it('an override without a reason is refused', () => {
    expect(streetPointsRulesSchema.safeParse({ streetId: 'st-1', overrides: [{ ruleId: 'resident.mediation', points: 4, reason: '' }] }).success).toBe(false);
  });

  it('an override of a rule that does not exist is refused', () => {
    expect(streetPointsRulesSchema.safeParse({ streetId: 'st-1', overrides: [{ ruleId: 'resident.nothing', active: false, reason: 'x' }] }).success).toBe(false);
  });

  it('the variable 其他 rule cannot be given a fixed value', () => {
    expect(streetPointsRulesSchema.safeParse({ streetId: 'st-1', overrides: [{ ruleId: 'other.adhoc', points: 3, reason: 'x' }] }).success).toBe(false);
  });

  it('a street may add a rule of its own but not reuse a default id', () => {
    const added = { id: 'culture.reading', category: 'culture', activity: '社区读书会', points: 1, source: '街道2025-03决定' };
    expect(streetPointsRulesSchema.safeParse({ streetId: 'st-1', added: [added] }).success).toBe(true);
    expect(streetPointsRulesSchema.safeParse({ streetId: 'st-1', added: [{ ...added, id: 'culture.policy' }] }).success).toBe(false);
  });

  it('a switched-off rule can no longer be used', () => {
    const rules = resolvePointsRules(streetPointsRulesSchema.parse({ streetId: 'st-1', overrides: [{ ruleId: 'culture.policy', active: false, reason: '并入文明劝导' }] }));
    expect(() => activeRule(rules, 'culture.policy')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => activeRule(rules, 'culture.nothing')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('what an award is worth', () => {
  it('a patrol is worth 2 points each time', () => {
    expect(pointsForAward(byId('governance.patrol'))).toBe(2);
  });

  it('a lead earns nothing until its case is confirmed true', () => {
    expect(() => pointsForAward(byId('governance.lead_report'), { caseConfirmed: false })).toThrow(DomainError);
    expect(pointsForAward(byId('governance.lead_report'), { caseConfirmed: true })).toBe(5);
  });

  it('an ad-hoc activity is worth what the street approved, and nothing without approval', () => {
    expect(() => pointsForAward(byId('other.adhoc'))).toThrow('该活动分值须经街道同意后确定');
    expect(pointsForAward(byId('other.adhoc'), { streetApprovedPoints: 4 })).toBe(4);
  });
});
