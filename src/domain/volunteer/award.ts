import { ledgerEntrySchema, type LedgerEntryOf, type LedgerSource } from './ledger-entry';
import { chinaYear } from './period';
import { pointsForAward, type AwardEvidence, type PointsRule } from './rules';

/** Who gets the points, and where they count for publication and ranking. */
export interface VolunteerPlace {
  volunteerId: string;
  communityId: string;
  streetId: string;
}

export interface AwardInput extends VolunteerPlace {
  /** Derive it from what is being rewarded (activity + volunteer, case + reporter) so a retry cannot pay twice. */
  id: string;
  rule: PointsRule;
  evidence?: AwardEvidence;
  source: LedgerSource;
  by: string;
  at: Date;
}

/** A confirmed award: points from the rule (or the street's approval), year from China time. */
export function awardEntry(input: AwardInput): LedgerEntryOf<'award'> {
  return ledgerEntrySchema.parse({
    id: input.id,
    kind: 'award',
    volunteerId: input.volunteerId,
    communityId: input.communityId,
    streetId: input.streetId,
    year: chinaYear(input.at),
    points: pointsForAward(input.rule, input.evidence),
    ruleId: input.rule.id,
    source: input.source,
    by: input.by,
    at: input.at,
  }) as LedgerEntryOf<'award'>;
}

/** 001 L873: a lead report pays 5 points once its case is confirmed true (经确认属实后), one award per case. */
export function leadReportAward(
  reporter: VolunteerPlace,
  lead: { caseId: string; confirmed: boolean },
  rule: PointsRule,
  by: string,
  at: Date,
): LedgerEntryOf<'award'> {
  return awardEntry({
    ...reporter,
    id: `award:case:${lead.caseId}:${reporter.volunteerId}`,
    rule,
    evidence: { caseConfirmed: lead.confirmed },
    source: { caseId: lead.caseId },
    by,
    at,
  });
}
