import type { Role, RoleGrant } from '../user';
import type { CaseState, CaseWorkflow, SupervisionLevel } from './case-state';

/** Who is acting: the platform identity and their scoped roles (never taken from a client payload). */
export interface CaseActor {
  userId: string;
  roles: readonly RoleGrant[];
}

type CaseScope = Pick<CaseWorkflow, 'streetId' | 'communityId' | 'gridId'>;
export type ActorCheck = (c: CaseWorkflow, actor: CaseActor) => boolean;

/** A grant covers a case when its street matches and any narrower community/grid scope includes it. */
export function grantCovers(grant: RoleGrant, c: CaseScope): boolean {
  if (grant.streetId !== c.streetId) return false;
  if (grant.communityId !== undefined && grant.communityId !== c.communityId) return false;
  if (grant.gridIds !== undefined && !grant.gridIds.includes(c.gridId)) return false;
  return true;
}

export const holdsRoleOver =
  (...roles: Role[]): ActorCheck =>
  (c, actor) =>
    actor.roles.some((g) => roles.includes(g.role) && grantCovers(g, c));

const gridStaff = holdsRoleOver('grid_officer', 'grid_chief');
/** 首问负责 (001 L163): only the officer who signed acts on the case at grid level. */
const owner: ActorCheck = (c, actor) => c.ownerId === actor.userId && gridStaff(c, actor);
const nobody: ActorCheck = () => false;

/** Who handles the case in each state: the level it currently sits at. */
export const HANDLER_BY_STATE: Record<CaseState, ActorCheck> = {
  reported: gridStaff,
  accepted: owner,
  in_progress: owner,
  escalated_to_community: holdsRoleOver('community_staff'),
  dispatched: holdsRoleOver('street_staff'),
  escalated_to_street: holdsRoleOver('street_staff'),
  transferred: nobody,
  resolved: nobody,
  verified: nobody,
  rated: nobody,
  closed: nobody,
  returned: nobody,
};

export const currentHandler: ActorCheck = (c, actor) => HANDLER_BY_STATE[c.state](c, actor);

/** Supervisors: the people who check, flag and archive — supervision is separate from disposal (001 L323). */
export const supervisor = holdsRoleOver('grid_chief', 'community_staff', 'street_staff');

/** Only the person who reported the case rates it (PRODUCT.md §6). */
export const reporter: ActorCheck = (c, actor) => c.reporterId === actor.userId;

/** 001 L323: the verifier is never the handler — neither who resolved it nor the owning officer. */
export const notTheHandler: ActorCheck = (c, actor) => c.resolvedBy !== actor.userId && c.ownerId !== actor.userId;

/** The level a supervisor acts at on this case: the highest of their grants that cover it. */
export function supervisingLevel(c: CaseWorkflow, actor: CaseActor): SupervisionLevel {
  if (holdsRoleOver('street_staff')(c, actor)) return 'street';
  if (holdsRoleOver('community_staff')(c, actor)) return 'community';
  return 'grid';
}
