import { chinaIsoDate, chinaWeekday, dayIndexOfIsoDate } from '../calendar/china-time';
import type { Role } from '../user';
import type { CheckInWindowRule } from '../check-in/code';

/**
 * The meetings grid work is organised around (issue 14 item 5), each with the seed line that asks for it.
 * Who may call one is part of the table: the community calls its own, the street its own (STYLE 2).
 */
export const MEETING_KINDS = ['community_dispatch', 'street_dispatch', 'grid_monthly', 'opinion_analysis'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Where a meeting belongs: a community's (its staff organise it) or the street's. */
export type MeetingLevel = 'community' | 'street';

export interface MeetingKindInfo {
  label: string;
  /** When it usually takes place, as the staff read it in the form. */
  cadence: string;
  level: MeetingLevel;
  source: string;
}

export const MEETING_KIND_INFO: Record<MeetingKind, MeetingKindInfo> = {
  community_dispatch: { label: '社区网格调度会', cadence: '每周五上午', level: 'community', source: '002 L27 "每周五上午參加社區網格調度會"；002 L33 "做好到會人員的簽到工作"' },
  street_dispatch: { label: '街道网格工作调度会', cadence: '每月第一个星期一上午', level: 'street', source: '002 L27 "每月第一個星期一上午參加街道網格工作調度會"；002 L34' },
  grid_monthly: { label: '网格工作会议', cadence: '每月至少一次', level: 'community', source: '004 L380 "每月至少召開一次網格工作會議"' },
  opinion_analysis: { label: '民情分析会', cadence: '每周至少一次', level: 'community', source: '004 L406 "每周至少召開一次網格員參加的民情分析會或者工作碰頭會"' },
};

/** Who organises a meeting of each level (issue 14 item 5: community and street staff). */
export const ORGANISER_ROLE: Record<MeetingLevel, Role> = { community: 'community_staff', street: 'street_staff' };

/** Who can be asked to attend: the people who do grid work in the organiser's scope (never residents or volunteers). */
export const INVITABLE_ROLES: readonly Role[] = ['grid_officer', 'grid_chief', 'assistant', 'community_staff', 'street_staff'];

/**
 * Sign-in opens before the start and closes at the end (no seed number: the volunteer check-in's PRODUCT §8
 * example "30 min before start to end", so people arriving early sign in at the door and latecomers still can).
 */
export const MEETING_CHECK_IN_WINDOW: CheckInWindowRule & { reason: string } = {
  opensMinutesBeforeStart: 30,
  closesMinutesAfterEnd: 0,
  reason: '无来源数字：与志愿活动签到一致（PRODUCT §8 开始前30分钟至结束）',
};

/** Most people one meeting invites: a street meeting of every community's chiefs and staff fits; one transaction writes them all. */
export const MAX_ATTENDEES = 100;
/** Longest meeting accepted: a typo in the end time (next day) would hold sign-in open for a day. */
export const MAX_MEETING_HOURS = 8;

/**
 * The next date a meeting of this kind usually falls on, for the form's default (China dates, `today`
 * excluded so there is time to tell people): Friday for the community's (002 L27), the first Monday of
 * the month for the street's (next month's once this month's has passed), tomorrow for the others.
 */
export function suggestedDate(kind: MeetingKind, today: string): string {
  const day = dayIndexOfIsoDate(today);
  if (kind === 'community_dispatch') return chinaIsoDate(day + (((5 - chinaWeekday(day) + 6) % 7) + 1));
  if (kind === 'street_dispatch') {
    const firstMonday = (year: number, month: number) => {
      const first = dayIndexOfIsoDate(`${year}-${String(month).padStart(2, '0')}-01`);
      return first + ((8 - chinaWeekday(first)) % 7);
    };
    const [y, m] = today.split('-').map(Number);
    const thisMonth = firstMonday(y, m);
    return chinaIsoDate(thisMonth > day ? thisMonth : firstMonday(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1));
  }
  return chinaIsoDate(day + 1);
}

/** Usual hours: the seeds' meetings are 上午 (002 L27); one hour unless the organiser changes it. */
export const SUGGESTED_HOURS = { start: '09:00', end: '10:00' } as const;
