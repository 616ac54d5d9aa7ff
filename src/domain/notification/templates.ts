import * as z from 'zod';
import { NOTIFICATION_KINDS, NOTIFICATION_READER, type NotificationKind, type NotificationReader } from './kinds';
import { keywordTypeOf, type KeywordType } from './keywords';

/**
 * A street's subscribe-message templates (configs `notification-templates-<street>`): per kind, the
 * template id the WeChat admin console issued for the mini-program and, per keyword of that template,
 * which fact of the notification fills it. The keyword's type comes from its key (`thing1` is a thing),
 * so a fact can only go where WeChat accepts it; that is checked when the street saves (STYLE 9).
 */
export const TEMPLATE_FIELDS = ['category', 'summary', 'state', 'time', 'caseNo', 'place'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const TEMPLATE_FIELD_LABELS: Record<TemplateField, string> = {
  category: '事件类别',
  summary: '事件内容',
  state: '办理状态',
  time: '时间',
  caseNo: '事件编号',
  place: '地点',
};

/** Which keyword types each fact can fill without WeChat refusing it (47003). */
export const FIELD_KEYWORD_TYPES: Record<TemplateField, readonly KeywordType[]> = {
  category: ['thing'],
  summary: ['thing'],
  state: ['phrase', 'thing'],
  time: ['time', 'date'],
  caseNo: ['character_string', 'thing'],
  place: ['thing'],
};

/** WeChat lets a one-time subscription template have at most 5 keywords. */
const MAX_KEYWORDS = 5;

const keywordsSchema = z
  .record(z.string(), z.enum(TEMPLATE_FIELDS, { error: '没有这种内容' }))
  .superRefine((keywords, ctx) => {
    const keys = Object.keys(keywords);
    if (keys.length === 0) ctx.addIssue({ code: 'custom', message: '请至少配置一个关键词' });
    if (keys.length > MAX_KEYWORDS) ctx.addIssue({ code: 'custom', message: `关键词最多 ${MAX_KEYWORDS} 个` });
    for (const key of keys) {
      const type = keywordTypeOf(key);
      if (!type) {
        ctx.addIssue({ code: 'custom', path: [key], message: '关键词名称应与微信模板一致，如 thing1、time2' });
        continue;
      }
      const field = keywords[key];
      if (!FIELD_KEYWORD_TYPES[field].includes(type)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `“${TEMPLATE_FIELD_LABELS[field]}”不能填入 ${type} 类关键词` });
      }
    }
  });

export const templateConfigSchema = z
  .object({
    templateId: z.string().trim().min(1, '请填写模板编号').max(64, '模板编号不能超过 64 个字符').regex(/^[\w-]+$/, '模板编号只含字母、数字、-、_').describe('模板编号'),
    keywords: keywordsSchema.describe('关键词'),
  })
  .strict();
export type TemplateConfig = z.infer<typeof templateConfigSchema>;

/** The street's save: kinds left out keep the default template. */
export const streetTemplatesSchema = z.partialRecord(z.enum(NOTIFICATION_KINDS, { error: '没有这种通知' }), templateConfigSchema);
export type StreetTemplates = z.infer<typeof streetTemplatesSchema>;

/** 办理进度通知 (residents): category, state, the note, time. */
const PROGRESS: TemplateConfig = {
  templateId: 'TEMPLATE_CASE_PROGRESS',
  keywords: { thing1: 'category', phrase2: 'state', thing3: 'summary', time4: 'time' },
};
/** 事件待办提醒 (staff): category, state, content, time, case number. */
const TODO: TemplateConfig = {
  templateId: 'TEMPLATE_CASE_TODO',
  keywords: { thing1: 'category', phrase2: 'state', thing3: 'summary', time4: 'time', character_string5: 'caseNo' },
};

/** 活动开始提醒 (volunteers): the activity, when it starts, where. */
const ACTIVITY: TemplateConfig = {
  templateId: 'TEMPLATE_ACTIVITY_REMINDER',
  keywords: { thing1: 'summary', time2: 'time', thing3: 'place' },
};

/**
 * Built-in templates (placeholder ids; docs/deploy.md lists the titles and keywords to pick in the
 * WeChat admin console, whose real ids a street then saves). One template per reader, not per kind:
 * WeChat asks the user about at most 3 templates at a time, and the state keyword says what happened.
 */
export const DEFAULT_TEMPLATES: Record<NotificationKind, TemplateConfig> = {
  case_assigned: TODO,
  case_accepted: PROGRESS,
  case_escalated: PROGRESS,
  case_resolved: PROGRESS,
  case_returned: PROGRESS,
  case_overdue: TODO,
  case_near_due: TODO,
  case_emergency: TODO,
  activity_reminder: ACTIVITY,
};

/** The distinct template ids a reader is asked to subscribe to (at most 3 per WeChat request). */
export function subscribeTemplateIds(templates: Record<NotificationKind, TemplateConfig>, reader: NotificationReader): string[] {
  return [...new Set(NOTIFICATION_KINDS.filter((k) => NOTIFICATION_READER[k] === reader).map((k) => templates[k].templateId))].slice(0, 3);
}

/**
 * A stored templates document read leniently: kinds saved before keywords were configured (a bare
 * template id) keep the default keywords; anything unreadable falls back to the default.
 */
export function templatesFromStored(stored: unknown): Record<NotificationKind, TemplateConfig> {
  const out = { ...DEFAULT_TEMPLATES };
  const raw = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  for (const kind of NOTIFICATION_KINDS) {
    const v = raw[kind];
    if (typeof v === 'string' && v) out[kind] = { ...DEFAULT_TEMPLATES[kind], templateId: v };
    else {
      const parsed = templateConfigSchema.safeParse(v);
      if (parsed.success) out[kind] = parsed.data;
    }
  }
  return out;
}

/**
 * `subscriptions` document id per user and template. Template ids hold no ".", so the last "." splits
 * it unambiguously whatever the user id holds.
 */
export const subscriptionId = (userId: string, templateId: string) => `sub-${userId}.${templateId}`;
