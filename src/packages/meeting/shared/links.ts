import { INVITABLE_ROLES } from '../../../domain/meeting/kinds';
import type { Role } from '../../../domain/user';

/** Pages of meetings (issue 14 item 5). */
export const MY_MEETINGS_URL = '/packages/meeting/index/index';
export const ORGANISED_URL = '/packages/meeting/organised/index';
export const SCHEDULE_URL = '/packages/meeting/schedule/index';
export const meetingUrl = (meetingId: string) => `/packages/meeting/meeting/index?meetingId=${encodeURIComponent(meetingId)}`;

const ORGANISERS: readonly Role[] = ['community_staff', 'street_staff'];

/** Workbench entries by role: everyone doing grid work has their meetings; community and street staff organise them. */
const ENTRIES: ReadonlyArray<{ label: string; url: string; roles: readonly Role[] }> = [
  { label: '我的会议（签到、请假）', url: MY_MEETINGS_URL, roles: INVITABLE_ROLES },
  { label: '安排会议、查看到会', url: ORGANISED_URL, roles: ORGANISERS },
];

export function meetingEntries(held: ReadonlySet<Role>): Array<{ label: string; url: string }> {
  return ENTRIES.filter((e) => e.roles.some((r) => held.has(r))).map(({ label, url }) => ({ label, url }));
}
