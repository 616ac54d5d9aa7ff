import type { Role } from '../../../domain/user';
import { ASSESS_HOME_URL, MY_SHEETS_URL } from './links';

/** Workbench entries of the assessment pages, by role: staff run and read assessments; grid workers and department heads read their own. */
const ENTRIES: ReadonlyArray<{ label: string; url: string; roles: readonly Role[] }> = [
  { label: '考核管理', url: ASSESS_HOME_URL, roles: ['street_staff', 'admin', 'community_staff'] },
  // Street staff too: a department's responsible person reads the department's sheets there (002 L51–56).
  { label: '我的考核', url: MY_SHEETS_URL, roles: ['grid_officer', 'grid_chief', 'street_staff'] },
];

export function assessEntries(held: ReadonlySet<Role>): Array<{ label: string; url: string }> {
  return ENTRIES.filter((e) => e.roles.some((r) => held.has(r))).map(({ label, url }) => ({ label, url }));
}
