import { isNotificationKind, notificationPage } from '../../domain/notification/kinds';

/** The page a message opens in the app: the same page its WeChat card opens (src/domain/notification). */
export function messageUrl(kind: string, subjectId: string | undefined): string | null {
  if (!subjectId || !isNotificationKind(kind)) return null;
  return `/${notificationPage(kind, subjectId)}`;
}

export const MESSAGES_URL = '/pages/messages/index';

/** "消息" with the unread count, for the entry buttons on home and the workbench. */
export const messagesLabel = (unread: number) => (unread > 0 ? `消息（${unread} 条未读）` : '消息');
