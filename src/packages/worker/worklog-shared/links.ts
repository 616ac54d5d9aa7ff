import type { Role } from '../../../domain/user';
import { chinaWall } from '../../../domain/calendar/china-time';

/** Pages of the worker's visits, log and compliance (issue 14 items 3, 4, 6). */
export const VISITS_URL = '/packages/worker/visits/index';
export const VISIT_NEW_URL = '/packages/worker/visit-new/index';
export const DUE_URL = '/packages/worker/due/index';
export const LOG_URL = '/packages/worker/log/index';
export const COMPLIANCE_URL = '/packages/worker/compliance/index';

const WORKERS: readonly Role[] = ['grid_officer', 'grid_chief'];
const SUPERVISORS: readonly Role[] = ['grid_chief', 'community_staff', 'street_staff', 'admin'];

/** Workbench entries by role: workers record visits and logs; chiefs, community and street see compliance. */
const ENTRIES: ReadonlyArray<{ label: string; url: string; roles: readonly Role[] }> = [
  { label: '待走访', url: DUE_URL, roles: WORKERS },
  { label: '走访记录', url: VISITS_URL, roles: WORKERS },
  { label: '工作日志', url: LOG_URL, roles: WORKERS },
  { label: '网格员考勤', url: COMPLIANCE_URL, roles: SUPERVISORS },
];

export function worklogEntries(held: ReadonlySet<Role>): Array<{ label: string; url: string }> {
  return ENTRIES.filter((e) => e.roles.some((r) => held.has(r))).map(({ label, url }) => ({ label, url }));
}

/** "12月1日 10:30" in China time, whatever the phone's zone. */
export function chinaDateTime(iso: string): string {
  const wall = chinaWall(iso);
  return `${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
}

/** "12月1日（周二）". */
export function dateLabel(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  // Not a YYYY-MM-DD date (the weapp smoke test's sample reply found "周undefined"): show it as it came.
  if (Number.isNaN(day)) return date;
  const weekday = '日一二三四五六'[day];
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（周${weekday}）`;
}
