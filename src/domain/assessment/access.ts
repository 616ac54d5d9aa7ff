import type { Role, RoleGrant } from '../user';
import type { RunRecord, RunSubject } from './records';
import type { AssessmentItem } from './rule-set';
import { rolesThatScore } from './score';

/**
 * Who may do what with assessments (issue 16 item 5; 002 L131–135). Pure predicates over the caller's
 * grants; the cloud function checks each before it reads or writes.
 */

const GRID_ROLES: readonly Role[] = ['grid_officer', 'grid_chief', 'assistant'];

/** Street staff and administrators run the street's assessments: tables, runs, publication. */
export function canRunAssessments(grants: readonly RoleGrant[], streetId: string): boolean {
  return grants.some((g) => (g.role === 'street_staff' || g.role === 'admin') && g.streetId === streetId);
}

/** A grant of `role` that reaches the run's scope: street-wide, or the run's own community. */
function holdsRoleOver(grants: readonly RoleGrant[], role: Role, run: Pick<RunRecord, 'streetId' | 'communityId'>): boolean {
  return grants.some((g) => {
    if (g.role !== role || g.streetId !== run.streetId) return false;
    if (role === 'street_staff' || role === 'admin') return true;
    return run.communityId !== undefined && g.communityId === run.communityId;
  });
}

/**
 * 002 L135 "督查组成员必须实行回避原则,不参与对本人负责网格(含下级网格)的督查": the subject themself,
 * anyone holding a grid role over one of its grids, the staff of a community being assessed, and the
 * people of a department being assessed.
 */
export function hasConflict(grants: readonly RoleGrant[], userId: string, subject: RunSubject): boolean {
  if (subject.kind === 'worker' && subject.id === userId) return true;
  // A department's own people, its head included, never score it.
  if (subject.kind === 'department' && (subject.memberUserIds ?? []).includes(userId)) return true;
  const ownGrids = grants.filter((g) => GRID_ROLES.includes(g.role)).flatMap((g) => g.gridIds ?? []);
  if (ownGrids.some((gid) => subject.gridIds.includes(gid))) return true;
  return subject.kind === 'community' && grants.some((g) => g.role === 'community_staff' && g.communityId === subject.communityId);
}

export type ScoreRefusal = 'role' | 'conflict';

/** Why the caller may not enter a value for this item of this subject, or null when they may. */
export function scoreRefusal(grants: readonly RoleGrant[], userId: string, run: RunRecord, item: AssessmentItem, subject: RunSubject): ScoreRefusal | null {
  const roles = rolesThatScore(item) as readonly Role[];
  if (!roles.some((r) => holdsRoleOver(grants, r, run))) return 'role';
  if (hasConflict(grants, userId, subject)) return 'conflict';
  return null;
}

/**
 * Before publication a run is confidential (002 L133): only those who run it or may score in it see it,
 * and never one of its subjects.
 */
export function canSeeUnpublished(grants: readonly RoleGrant[], userId: string, run: RunRecord): boolean {
  if (run.subjects.some((s) => hasConflict(grants, userId, s) && !canRunAssessments(grants, run.streetId))) return false;
  if (canRunAssessments(grants, run.streetId)) return true;
  return run.ruleSet.items.some((item) => (rolesThatScore(item) as readonly Role[]).some((r) => holdsRoleOver(grants, r, run)));
}

/** After publication the ranking is open to the street and, for a community's run, that community's staff. */
export function canSeeRanking(grants: readonly RoleGrant[], run: Pick<RunRecord, 'streetId' | 'communityId'>): boolean {
  if (canRunAssessments(grants, run.streetId)) return true;
  return run.communityId !== undefined && grants.some((g) => g.role === 'community_staff' && g.streetId === run.streetId && g.communityId === run.communityId);
}
