import type { Role, RoleGrant } from '../../domain/user';

/**
 * Who is offered 户况有变动 on the shared 我要上报 page (issue 15 item 5): the grid's own workers, who keep
 * its register (000 L36–37) — in the grid the report goes to. Residents and everyone else never see the
 * register, so never the control; the `case` function checks the street's register write rule anyway.
 */
const NOTES_REGISTER_CHANGE: Record<Role, boolean> = {
  resident: false,
  grid_officer: true,
  grid_chief: true,
  assistant: false,
  volunteer: false,
  // Community and street staff report from their own pages and confirm drafts there; they hold no grid here.
  community_staff: false,
  street_staff: false,
  admin: false,
};

/** True when `roles` (from `user.me`, the platform identity) make the caller a worker of `gridId`. */
export function notesRegisterChanges(roles: readonly RoleGrant[], gridId: string): boolean {
  return gridId !== '' && roles.some((g) => NOTES_REGISTER_CHANGE[g.role] && (g.gridIds ?? []).includes(gridId));
}
