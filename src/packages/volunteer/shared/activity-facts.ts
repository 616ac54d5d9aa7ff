import type { ActivityCardFacts } from '../../../components/volunteer-activity-card';
import { isCancelledActivity, isCompletedActivity, isDraftActivity } from '../../../domain/volunteer/activity-rules';
import { timeRangeText } from './china-time-text';
import type { ActivitySummary } from './types';

/** The card's tag says the one thing that matters to the viewer first: their own sign-up, then the activity's state. */
function tagOf(a: ActivitySummary): ActivityCardFacts['tag'] {
  if (isCancelledActivity(a)) return { text: '已取消', tone: 'off' };
  if (isCompletedActivity(a)) return { text: '已完成', tone: 'plain' };
  if (a.mine === 'checked_in') return { text: '我已签到', tone: 'good' };
  if (a.mine === 'signed_up') return { text: '我已报名', tone: 'good' };
  if (isDraftActivity(a)) return { text: '草稿（未发布）', tone: 'warn' };
  if (a.taken >= a.headcount) return { text: '名额已满', tone: 'warn' };
  return { text: '报名中', tone: 'plain' };
}

export function activityFacts(a: ActivitySummary): ActivityCardFacts {
  return {
    title: a.title,
    when: timeRangeText(a.startAt, a.endAt),
    place: a.place,
    points: a.expectedPoints,
    signedUp: a.taken,
    headcount: a.headcount,
    tag: tagOf(a),
  };
}
