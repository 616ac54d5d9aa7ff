import { NOTIFICATION_STATE_PHRASES, notificationPage, type NotificationKind } from './kinds';
import { characterStringValue, thingValue, timeValue } from './keywords';
import type { TemplateConfig, TemplateField } from './templates';

/** What a notification is about: enough to fill any configured template. */
export interface NotificationFacts {
  kind: NotificationKind;
  /** The case's id, or the activity's for a volunteer's message (see `subjectOf`). */
  subjectId: string;
  categoryLabel: string;
  /** The line shown in the in-app list (a reason, a note, the description; an activity's title). */
  body: string;
  at: Date;
  /** When what it is about happens, if not `at` (an activity's start). */
  eventAt?: Date;
  /** Where (an activity's place). */
  place?: string;
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
  time: (f) => timeValue(f.eventAt ?? f.at),
  caseNo: (f) => characterStringValue(f.subjectId),
  place: (f) => thingValue(f.place ?? ''),
};

/** The subscribe message for one notification, in the street's configured template. */
export function shapeSubscribeMessage(facts: NotificationFacts, template: TemplateConfig): SubscribeMessage {
  const data = Object.fromEntries(Object.entries(template.keywords).map(([key, field]) => [key, { value: FIELD_VALUE[field](facts) }]));
  return { template_id: template.templateId, page: notificationPage(facts.kind, facts.subjectId), data };
}
