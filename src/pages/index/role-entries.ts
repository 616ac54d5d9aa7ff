import type { Role } from '../../domain/user';

export interface RoleEntry {
  label: string;
  url: string;
}

const STAFF: RoleEntry = { label: '网格工作台', url: '/packages/staff/index/index' };
const ADMIN: RoleEntry = { label: '社区街道督办', url: '/packages/admin/index/index' };
const VOLUNTEER: RoleEntry = { label: '志愿服务', url: '/packages/volunteer/index/index' };

/** Which subpackage each role opens; residents stay in the main package. */
const ENTRY_BY_ROLE: Record<Role, RoleEntry | null> = {
  resident: null,
  grid_officer: STAFF,
  grid_chief: STAFF,
  assistant: STAFF,
  volunteer: VOLUNTEER,
  community_staff: ADMIN,
  street_staff: ADMIN,
  admin: ADMIN,
};

/** One entry per subpackage, in the order of the roles held. */
export function roleEntries(roles: readonly Role[]): RoleEntry[] {
  const entries = roles.map((r) => ENTRY_BY_ROLE[r]).filter((e): e is RoleEntry => e !== null);
  return [...new Set(entries)];
}
