import { timeRangeText } from './china-time-text';

/** Where a shared activity card opens: the volunteer's detail page, where they sign up. */
export function activityPath(activityId: string): string {
  return `/packages/volunteer/activity/index?activityId=${encodeURIComponent(activityId)}`;
}

/** The card's title in the volunteer group: what, when, and the points, so people can decide from the chat. */
export function activityShareTitle(a: { title: string; startAt: string; endAt: string; expectedPoints: number }): string {
  return `【志愿活动】${a.title}｜${timeRangeText(a.startAt, a.endAt)}｜每人${a.expectedPoints}分`;
}

/** H5: the full address of the activity page (hash routing), to paste into the group. */
export function activityUrl(activityId: string): string {
  if (process.env.TARO_ENV !== 'h5') return activityPath(activityId);
  return `${window.location.origin}${window.location.pathname}#${activityPath(activityId)}`;
}
