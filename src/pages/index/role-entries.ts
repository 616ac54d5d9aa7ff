import type { Role } from '../../domain/user';

export interface RoleEntry {
  label: string;
  url: string;
}

const STAFF: RoleEntry = { label: '网格工作台', url: '/packages/staff/index/index' };
const ADMIN: RoleEntry = { label: '网格与人员管理', url: '/packages/admin/index/index' };
const VOLUNTEER: RoleEntry = { label: '志愿服务', url: '/packages/volunteer/index/index' };
const VOLUNTEER_MANAGE: RoleEntry = { label: '志愿活动管理', url: '/packages/volunteer/manage/index/index' };

/**
 * Which subpackages each role opens; residents stay in the main package. Officers keep their own grid's
 * information up to date; community and street staff handle escalated cases and their 督办 lists.
 */
const ENTRIES_BY_ROLE: Record<Role, RoleEntry[]> = {
  resident: [],
  grid_officer: [STAFF, ADMIN],
  grid_chief: [STAFF, ADMIN],
  assistant: [STAFF],
  volunteer: [VOLUNTEER],
  community_staff: [STAFF, ADMIN, VOLUNTEER_MANAGE],
  street_staff: [STAFF, ADMIN, VOLUNTEER_MANAGE],
  admin: [ADMIN, VOLUNTEER_MANAGE],
};

/** One entry per subpackage, in the order of the roles held. */
export function roleEntries(roles: readonly Role[]): RoleEntry[] {
  return [...new Set(roles.flatMap((r) => ENTRIES_BY_ROLE[r]))];
}
