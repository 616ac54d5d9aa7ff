import { chinaDayIndex, chinaIsoDate } from '../calendar/china-time';
import type { CaseState, Rating } from '../case/case-state';
import type { CaseRecord } from '../case/records';
import type { DeadlineKind } from '../case/sla-config';
import { zeroCounters, type Counters } from './counters';

/**
 * What one case adds to the daily counters (issue 16 items 1–2), derived only from what the stored case
 * says about itself: its state, its timeline (escalations, ratings), rework count and 督办 flag. Pure.
 * The same function feeds the daily rows AND the drill-down filter, so a figure and the list of cases
 * behind it can never disagree.
 */

/** The fields of a stored case the statistics read. */
export type StatsCase = Pick<CaseRecord, '_id' | 'state' | 'streetId' | 'communityId' | 'gridId' | 'categoryId' | 'createdAt' | 'reworkCount'> &
  Partial<Pick<CaseRecord, 'ownerId' | 'rating' | 'supervision' | 'categoryLabel'>> & {
    timeline?: ReadonlyArray<{ type: string; deadlineKey?: string; rating?: Rating }>;
  };

/** Where a case stands for the figures: still being worked on, 结案, or not 立案 at all. */
export type KpiStanding = 'pending' | 'closed' | 'returned';

export const KPI_STANDING: Record<CaseState, KpiStanding> = {
  reported: 'pending',
  accepted: 'pending',
  in_progress: 'pending',
  escalated_to_community: 'pending',
  dispatched: 'pending',
  escalated_to_street: 'pending',
  // 办结 is not 结案 until someone other than the handler has checked it (001 L323; CJ/T 315 核查结案).
  resolved: 'pending',
  verified: 'closed',
  rated: 'closed',
  closed: 'closed',
  // 移交 with a written record ends the grid system's handling (PRODUCT.md §5): 结案 from its point of view.
  transferred: 'closed',
  // 退回 = 不予立案 (not the grid's business, duplicate, insufficient information; PRODUCT.md §5).
  returned: 'returned',
};

/**
 * Which deadline kinds make a case 超期 when the timer escalates it. `emergency_notify` is due at once by
 * design (突发性: community and street told immediately, PRODUCT.md §4): that escalation is routing, not
 * lateness. Every other kind is a deadline that ran out.
 */
const LATE_WHEN_ESCALATED: Record<DeadlineKind | 'dispatch' | 'supervision', boolean> = {
  emergency_notify: false,
  emergency_sign_for: true,
  emergency_hand_up: true,
  sign_for: true,
  to_community_head: true,
  to_street: true,
  answer: true,
  dispatch: true,
  supervision: true,
};

/** `<kind>@<start ms>` (sla.ts `build`); an escalation whose key is missing or unknown counts as late. */
const lateKey = (deadlineKey: string | undefined): boolean => {
  const kind = deadlineKey?.split('@')[0] as keyof typeof LATE_WHEN_ESCALATED | undefined;
  return kind === undefined || !(kind in LATE_WHEN_ESCALATED) ? true : LATE_WHEN_ESCALATED[kind];
};

/** 超期: the timer escalated it at least once because a deadline ran out. */
export const wasOverdue = (c: Pick<StatsCase, 'timeline'>): boolean => (c.timeline ?? []).some((e) => e.type === 'escalate' && lateKey(e.deadlineKey));

/** Each rating event is one vote (a 返工 case rated twice gave two); a case from before timelines: its one rating. */
export function votesOf(c: Pick<StatsCase, 'timeline' | 'rating'>): Rating[] {
  const fromTimeline = (c.timeline ?? []).flatMap((e) => (e.type === 'rate' && e.rating ? [e.rating] : []));
  if (fromTimeline.length) return fromTimeline;
  return c.rating ? [c.rating] : [];
}

const RATING_COUNTER: Record<Rating, 'satisfiedVotes' | 'basicallySatisfiedVotes' | 'dissatisfiedVotes'> = {
  satisfied: 'satisfiedVotes',
  basically_satisfied: 'basicallySatisfiedVotes',
  dissatisfied: 'dissatisfiedVotes',
};

/** The China calendar day (`YYYY-MM-DD`) a case counts on: the day it was reported. */
export const statsDayOf = (c: Pick<StatsCase, 'createdAt'>): string => chinaIsoDate(chinaDayIndex(c.createdAt.getTime()));

/** The counters one case adds to its grid's row of its report day. */
export function countersOf(c: StatsCase): Counters {
  const out = zeroCounters();
  const standing = KPI_STANDING[c.state];
  const overdue = wasOverdue(c);
  out.reported = 1;
  if (standing === 'returned') {
    out.returned = 1;
  } else {
    out.filed = 1;
    if (standing === 'closed') {
      out.closed = 1;
      if (!overdue) out.closedOnTime = 1;
    } else if (overdue) out.pendingOverdue = 1;
    else out.pendingOnTime = 1;
  }
  if (overdue) out.overdue = 1;
  // 返工率 = 返工数 / 立案数: a reworked case later returned is not 立案, so not in the numerator either.
  if (c.reworkCount > 0 && standing !== 'returned') out.reworked = 1;
  if (c.supervision) out.supervised = 1;
  for (const v of votesOf(c)) {
    out.votes += 1;
    out[RATING_COUNTER[v]] += 1;
  }
  return out;
}

export interface CaseContribution {
  caseId: string;
  day: string;
  streetId: string;
  communityId: string;
  gridId: string;
  categoryId: string;
  /** The officer who signed (首问负责, 001 L163): the worker level of the figures. */
  ownerId?: string;
  counters: Counters;
}

export const contributionOf = (c: StatsCase): CaseContribution => ({
  caseId: c._id,
  day: statsDayOf(c),
  streetId: c.streetId,
  communityId: c.communityId,
  gridId: c.gridId,
  categoryId: c.categoryId,
  ...(c.ownerId ? { ownerId: c.ownerId } : {}),
  counters: countersOf(c),
});
