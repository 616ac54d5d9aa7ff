import * as z from 'zod';
import { canManageCommunity } from '../access';
import { caseWorkflowSchema, type CaseState } from '../case/case-state';
import type { RoleGrant } from '../user';
import { ALLOWED, refuse, type Verdict } from './verdict';

/**
 * 001 L873 及时上报涉黑涉恶、治安刑事案件、电信诈骗、违法建筑等各类线索,经确认属实后,计5分次 — checked on the
 * server from stored facts (issue 10 item 4), never from a label the page shows:
 * - the case's category is one of the street's lead categories (config below, defaults from 001 L873);
 * - the case passed 核查 (verified true) — a case returned (退回, e.g. 线索不实) or not yet verified pays nothing;
 * - the confirming staff member is neither the reporter nor the case's handler (001 L323 核查与处置分离).
 */

/**
 * Default lead categories of PRODUCT.md §4's tree: 治安线索 (涉黑涉恶, 刑事, 电信诈骗) and 违法建设 with its
 * children. A street that adds a sub-category lists it in its override, so the rule never guesses from a label.
 */
export const DEFAULT_LEAD_CATEGORY_IDS: readonly string[] = Object.freeze(['public_order', 'illegal_building', 'illegal_construction', 'home_business']);
export const LEAD_CATEGORIES_SOURCE = '001 L873 "涉黑涉恶、治安刑事案件、电信诈骗、违法建筑等各类线索"';

/** A street's own list, with the administrator's reason (STYLE 9: default + override with a reason). */
export const leadCategoriesOverrideSchema = z.object({
  categoryIds: z.array(z.string().min(1).max(64)).min(1).max(50).describe('线索类别'),
  reason: z.string().trim().min(1, '请写明调整理由').max(200),
});
export type LeadCategoriesOverride = z.infer<typeof leadCategoriesOverrideSchema>;

export function leadCategoryIds(override?: LeadCategoriesOverride): readonly string[] {
  return override?.categoryIds ?? DEFAULT_LEAD_CATEGORY_IDS;
}

/** The part of a stored case the lead rule reads (the case context's own schema). */
export const leadCaseSchema = caseWorkflowSchema.pick({ state: true, categoryId: true, streetId: true, communityId: true, reporterId: true, ownerId: true, resolvedBy: true });
export type LeadCase = z.infer<typeof leadCaseSchema>;

/** What the case's 核查 said, by state: only a case that passed verification is a confirmed lead. */
export const LEAD_VERIFICATION: Record<CaseState, 'pending' | 'verified' | 'returned' | 'not_verified'> = {
  reported: 'pending',
  accepted: 'pending',
  in_progress: 'pending',
  escalated_to_community: 'pending',
  dispatched: 'pending',
  escalated_to_street: 'pending',
  resolved: 'pending',
  // Handed to the police with a record: the grid never verified it, so the grid cannot confirm it either.
  transferred: 'not_verified',
  verified: 'verified',
  rated: 'verified',
  // Reached only through 核查 (archive from verified/rated, or a final rating).
  closed: 'verified',
  returned: 'returned',
};

export interface LeadConfirmer {
  userId: string;
  roles: readonly RoleGrant[];
}

/** Who may confirm, then what must be true of the case; FORBIDDEN and CONFLICT in that order. */
export function canConfirmLead(c: LeadCase, confirmer: LeadConfirmer, leadCategories: readonly string[]): Verdict {
  if (!canManageCommunity(confirmer.roles, c.streetId, c.communityId)) return refuse('FORBIDDEN', '只有事件所在社区的工作人员可以确认线索');
  if (c.reporterId === confirmer.userId) return refuse('FORBIDDEN', '不能确认自己上报的线索');
  if (c.ownerId === confirmer.userId || c.resolvedBy === confirmer.userId) return refuse('FORBIDDEN', '办理该事件的人员不能确认线索,请由其他工作人员确认');
  if (!leadCategories.includes(c.categoryId)) return refuse('CONFLICT', '该事件不属于线索类别(涉黑涉恶、治安刑事、电信诈骗、违法建筑等),不计线索积分');
  const verification = LEAD_VERIFICATION[c.state];
  if (verification === 'returned') return refuse('CONFLICT', '该事件已退回(如线索不实),不计线索积分');
  if (verification !== 'verified') return refuse('CONFLICT', '事件核查属实后才能确认线索');
  return ALLOWED;
}
