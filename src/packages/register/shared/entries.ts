import type { Role } from '../../../domain/user';
import { DRAFTS_URL, HANDOVER_URL, OVERDUE_URL, REGISTER_HOME_URL } from './links';

/** Workbench entries of the register by role (the street's default read roles; the function decides). */
const ENTRIES: ReadonlyArray<{ label: string; url: string; roles: readonly Role[] }> = [
  { label: '户况登记', url: REGISTER_HOME_URL, roles: ['grid_officer', 'grid_chief', 'community_staff', 'street_staff', 'admin'] },
  { label: '待确认的户况变动', url: DRAFTS_URL, roles: ['grid_officer', 'grid_chief', 'community_staff'] },
  { label: '信息交接单', url: HANDOVER_URL, roles: ['grid_officer', 'grid_chief', 'community_staff'] },
  { label: '户况超期清单', url: OVERDUE_URL, roles: ['grid_officer', 'grid_chief', 'community_staff'] },
];

export function registerEntries(held: ReadonlySet<Role>): Array<{ label: string; url: string }> {
  return ENTRIES.filter((e) => e.roles.some((r) => held.has(r))).map(({ label, url }) => ({ label, url }));
}
