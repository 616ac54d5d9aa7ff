/**
 * What the app tells people, and where the message opens (PRODUCT.md §5–§6: the reporter at sign-for,
 * escalation, resolution and return; staff on assignment, overdue, near-due and 突发性 cases; a volunteer
 * before an activity they signed up for starts, issue 11 item 2).
 */
export const NOTIFICATION_KINDS = [
  'case_assigned',
  'case_accepted',
  'case_escalated',
  'case_resolved',
  'case_returned',
  'case_overdue',
  'case_near_due',
  'case_emergency',
  'activity_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (v: unknown): v is NotificationKind => (NOTIFICATION_KINDS as readonly unknown[]).includes(v);

/** The title in the in-app 消息 list. */
export const NOTIFICATION_TITLES: Record<NotificationKind, string> = {
  case_assigned: '有新的事件待处理',
  case_accepted: '您上报的事件已签收',
  case_escalated: '您上报的事件已上报上级',
  case_resolved: '您上报的事件已办结',
  case_returned: '您上报的事件被退回',
  case_overdue: '事件超时督办',
  case_near_due: '事件即将超时',
  case_emergency: '突发事件，请立即处置',
  activity_reminder: '您报名的志愿活动即将开始',
};

/**
 * The state in at most five Chinese characters: WeChat's `phrase` keyword takes nothing longer
 * ("5个以内纯汉字", subscribeMessage.send 参数值内容限制).
 */
export const NOTIFICATION_STATE_PHRASES: Record<NotificationKind, string> = {
  case_assigned: '待处理',
  case_accepted: '已签收',
  case_escalated: '已上报上级',
  case_resolved: '已办结',
  case_returned: '已退回',
  case_overdue: '已超时',
  case_near_due: '即将超时',
  case_emergency: '突发事件',
  activity_reminder: '即将开始',
};

export type NotificationReader = 'reporter' | 'staff' | 'volunteer';

/** Who reads a kind decides which page it opens: the resident's case page, the staff case page, the activity. */
export const NOTIFICATION_READER: Record<NotificationKind, NotificationReader> = {
  case_assigned: 'staff',
  case_accepted: 'reporter',
  case_escalated: 'reporter',
  case_resolved: 'reporter',
  case_returned: 'reporter',
  case_overdue: 'staff',
  case_near_due: 'staff',
  case_emergency: 'staff',
  activity_reminder: 'volunteer',
};

/**
 * The page a message opens, as WeChat's `page` field wants it: a page of app.json, no leading slash,
 * query allowed ("仅限本小程序内的页面。支持带参数", subscribeMessage.send), with the id of what it is
 * about under the page's own parameter name. `npm run test:weapp` checks every one of these against the
 * built app.json.
 */
export const READER_PAGES: Record<NotificationReader, { page: string; param: 'caseId' | 'activityId' }> = {
  reporter: { page: 'pages/case/index', param: 'caseId' },
  staff: { page: 'packages/staff/case/index', param: 'caseId' },
  volunteer: { page: 'packages/volunteer/activity/index', param: 'activityId' },
};

/** What a message is about: a case, or (for a volunteer) an activity. */
export type NotificationSubject = 'case' | 'activity';
export const subjectOf = (kind: NotificationKind): NotificationSubject => (READER_PAGES[NOTIFICATION_READER[kind]].param === 'caseId' ? 'case' : 'activity');

export function notificationPage(kind: NotificationKind, subjectId: string): string {
  const { page, param } = READER_PAGES[NOTIFICATION_READER[kind]];
  return `${page}?${param}=${encodeURIComponent(subjectId)}`;
}

/**
 * How long before an activity starts its volunteers are reminded: the evening before a morning
 * activity, so they can still say they cannot come (a default; PRODUCT.md gives no number).
 */
export const ACTIVITY_REMINDER_LEAD_HOURS = 24;

/** The in-app 消息 list (every notification is there too, subscribed or not). */
export const MESSAGES_PAGE = 'pages/messages/index';
