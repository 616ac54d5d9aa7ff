import type { RoleGrant } from '../user';
import { CASE_STATES } from '../case/case-state';
import { canConfirmLead, DEFAULT_LEAD_CATEGORY_IDS, LEAD_VERIFICATION, type LeadCase } from './lead-rule';

const staff = { userId: 'u-staff', roles: [{ role: 'community_staff', streetId: 'st-1', communityId: 'cm-A' }] as RoleGrant[] };
const lead = (over: Partial<LeadCase> = {}): LeadCase => ({
  state: 'verified', categoryId: 'public_order', streetId: 'st-1', communityId: 'cm-A', reporterId: 'v-alice', ownerId: 'u-officer', resolvedBy: 'u-officer', ...over,
});

describe('the lead rule (001 L873 经确认属实后,计5分次)', () => {
  it('pays only after 核查 found the case true', () => {
    const payable = CASE_STATES.filter((state) => canConfirmLead(lead({ state }), staff, DEFAULT_LEAD_CATEGORY_IDS).ok);
    expect(payable).toEqual(CASE_STATES.filter((s) => LEAD_VERIFICATION[s] === 'verified'));
    expect(payable).toEqual(['verified', 'rated', 'closed']);
  });

  it('pays nothing for a case returned as 不实', () => {
    expect(canConfirmLead(lead({ state: 'returned' }), staff, DEFAULT_LEAD_CATEGORY_IDS)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('pays nothing for a category that is not a lead, whatever the label says', () => {
    expect(canConfirmLead(lead({ categoryId: 'rubbish' }), staff, DEFAULT_LEAD_CATEGORY_IDS)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(canConfirmLead(lead({ categoryId: 'rubbish' }), staff, ['rubbish']).ok).toBe(true);
  });

  it('is never confirmed by the reporter or by the case’s handler', () => {
    expect(canConfirmLead(lead({ reporterId: 'u-staff' }), staff, DEFAULT_LEAD_CATEGORY_IDS)).toMatchObject({ code: 'FORBIDDEN' });
    expect(canConfirmLead(lead({ ownerId: 'u-staff' }), staff, DEFAULT_LEAD_CATEGORY_IDS)).toMatchObject({ code: 'FORBIDDEN' });
    expect(canConfirmLead(lead({ resolvedBy: 'u-staff' }), staff, DEFAULT_LEAD_CATEGORY_IDS)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is confirmed only by staff of the case’s community', () => {
    const other = { userId: 'u-b', roles: [{ role: 'community_staff', streetId: 'st-1', communityId: 'cm-B' }] as RoleGrant[] };
    expect(canConfirmLead(lead(), other, DEFAULT_LEAD_CATEGORY_IDS)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
