import { NOTIFICATION_STATE_PHRASES, notificationPage, type NotificationKind } from './kinds';
import { characterStringValue, thingValue, timeValue } from './keywords';
import type { TemplateConfig, TemplateField } from './templates';

/** What a notification is about: enough to fill any configured template. */
export interface NotificationFacts {
  kind: NotificationKind;
  caseId: string;
  categoryLabel: string;
  /** The line shown in the in-app list (a reason, a note, the description). */
  body: string;
  at: Date;
}

/** The part of WeChat's subscribeMessage.send request the outbox stores (touser is added at send time). */
export interface SubscribeMessage {
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

const FIELD_VALUE: Record<TemplateField, (f: NotificationFacts) => string> = {
  category: (f) => thingValue(f.categoryLabel),
  summary: (f) => thingValue(f.body),
  state: (f) => NOTIFICATION_STATE_PHRASES[f.kind],
  time: (f) => timeValue(f.at),
  caseNo: (f) => characterStringValue(f.caseId),
};

/** The subscribe message for one notification, in the street's configured template. */
export function shapeSubscribeMessage(facts: NotificationFacts, template: TemplateConfig): SubscribeMessage {
  const data = Object.fromEntries(Object.entries(template.keywords).map(([key, field]) => [key, { value: FIELD_VALUE[field](facts) }]));
  return { template_id: template.templateId, page: notificationPage(facts.kind, facts.caseId), data };
}
