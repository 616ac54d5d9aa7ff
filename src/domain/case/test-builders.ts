/** Test data builders (not shipped logic): a case in any state, actors of every kind, a valid command per action. */
import type { Role } from '../user';
import type { CaseActor } from './case-actor';
import type { CaseAction, CaseCommand } from './case-command';
import type { CaseState, CaseWorkflow } from './case-state';

export const T0 = new Date('2025-10-09T02:00:00Z'); // Thursday 10:00 China time
export const LATER = new Date('2025-10-20T02:00:00Z');

export function createCase(overrides: Partial<CaseWorkflow> = {}): CaseWorkflow {
  return {
    state: 'reported',
    caseClass: 'routine',
    categoryId: 'rubbish',
    streetId: 'st-1',
    communityId: 'cm-A',
    gridId: 'A1',
    reporterId: 'u-reporter',
    stageStartedAt: T0,
    reworkCount: 0,
    ...overrides,
  };
}

/** Where each state's case sits and who has touched it, as the workflow would have left it. */
const HISTORY: Record<CaseState, Partial<CaseWorkflow>> = {
  reported: {},
  accepted: { ownerId: 'u-owner' },
  in_progress: { ownerId: 'u-owner' },
  escalated_to_community: { ownerId: 'u-owner' },
  dispatched: { ownerId: 'u-owner', departmentId: 'dept-urban', dispatchDueAt: LATER },
  escalated_to_street: { ownerId: 'u-owner' },
  transferred: { ownerId: 'u-owner', transfer: { agency: '消防救援大队', record: '移交函 2025-01' } },
  resolved: { ownerId: 'u-owner', resolvedBy: 'u-owner', resolvedFrom: 'in_progress' },
  verified: { ownerId: 'u-owner', resolvedBy: 'u-owner', resolvedFrom: 'in_progress' },
  rated: { ownerId: 'u-owner', resolvedBy: 'u-owner', resolvedFrom: 'in_progress', rating: 'satisfied' },
  closed: { ownerId: 'u-owner', resolvedBy: 'u-owner', resolvedFrom: 'in_progress', rating: 'satisfied' },
  returned: { returnReason: '不属于网格事项' },
};

export const caseIn = (state: CaseState, overrides: Partial<CaseWorkflow> = {}): CaseWorkflow =>
  createCase({ state, ...HISTORY[state], ...overrides });

const grant = (role: Role) => {
  switch (role) {
    case 'grid_officer':
    case 'grid_chief':
    case 'assistant':
      return { role, streetId: 'st-1', communityId: 'cm-A', gridIds: ['A1'] };
    case 'community_staff':
    case 'volunteer':
    case 'resident':
      return { role, streetId: 'st-1', communityId: 'cm-A' };
    case 'street_staff':
    case 'admin':
      return { role, streetId: 'st-1' };
  }
};

export const actor = (userId: string, ...roles: Role[]): CaseActor => ({ userId, roles: roles.map(grant) });

/** Everyone the matrix tries, each in scope of the case unless the name says otherwise. */
export const ACTORS = {
  reporter: actor('u-reporter', 'resident'),
  resident: actor('u-neighbour', 'resident'),
  owner: actor('u-owner', 'grid_officer'),
  other_officer: actor('u-officer-2', 'grid_officer'),
  out_of_scope_officer: { userId: 'u-officer-b', roles: [{ role: 'grid_officer', streetId: 'st-1', communityId: 'cm-B', gridIds: ['B1'] }] },
  grid_chief: actor('u-chief', 'grid_chief'),
  assistant: actor('u-assistant', 'assistant'),
  volunteer: actor('u-volunteer', 'volunteer'),
  community_staff: actor('u-community', 'community_staff'),
  other_street_staff: { userId: 'u-street-2', roles: [{ role: 'street_staff', streetId: 'st-2' }] },
  street_staff: actor('u-street', 'street_staff'),
  admin: actor('u-admin', 'admin'),
} satisfies Record<string, CaseActor>;
export type ActorName = keyof typeof ACTORS;

export const VALID_COMMANDS: Record<CaseAction, CaseCommand> = {
  accept: { type: 'accept' },
  start: { type: 'start' },
  escalate_to_community: { type: 'escalate_to_community', note: '需社区协调' },
  dispatch: { type: 'dispatch', departmentId: 'dept-urban', dueAt: LATER },
  escalate_to_street: { type: 'escalate_to_street' },
  transfer: { type: 'transfer', agency: '消防救援大队', record: '移交函 2025-01' },
  resolve: { type: 'resolve', note: '已清理', photos: ['cloud://after.jpg'] },
  verify: { type: 'verify', passed: true },
  rate: { type: 'rate', rating: 'satisfied' },
  archive: { type: 'archive' },
  return: { type: 'return', reason: '重复上报' },
  supervise: { type: 'supervise', dueAt: LATER, note: '限期整改' },
  reclassify: { type: 'reclassify', caseClass: 'coordination', reason: '需要物业和社区一起处理' },
};
