import { leadReportAward } from './award';
import { DEFAULT_POINTS_RULES } from './rules';
import { ALICE, china } from './test-builders';

const LEAD = DEFAULT_POINTS_RULES.find((r) => r.id === 'governance.lead_report')!;

describe('lead report awards (001 L873 经确认属实后,计5分次)', () => {
  it('a confirmed lead pays 5 points to the reporter, tagged with the case', () => {
    const award = leadReportAward(ALICE, { caseId: 'case-9', confirmed: true }, LEAD, 'u-street', china('2025-07-01'));
    expect(award).toMatchObject({ kind: 'award', points: 5, volunteerId: 'v-alice', ruleId: 'governance.lead_report', source: { caseId: 'case-9' }, year: 2025 });
  });

  it('an unconfirmed lead pays nothing yet', () => {
    expect(() => leadReportAward(ALICE, { caseId: 'case-9', confirmed: false }, LEAD, 'u-street', china('2025-07-01'))).toThrow('线索经确认属实后方可计分');
  });

  it('the same case cannot pay the same reporter twice, because the award id comes from the case', () => {
    const first = leadReportAward(ALICE, { caseId: 'case-9', confirmed: true }, LEAD, 'u-street', china('2025-07-01'));
    const again = leadReportAward(ALICE, { caseId: 'case-9', confirmed: true }, LEAD, 'u-admin', china('2025-07-02'));
    expect(again.id).toBe(first.id);
  });
});
