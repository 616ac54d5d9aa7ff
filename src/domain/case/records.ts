import * as z from 'zod';
import { categoryTreeSchema } from './api';
import { CASE_ACTIONS } from './case-command';
import { CASE_STATES, caseWorkflowSchema, RATINGS } from './case-state';
import { ESCALATION_LEVELS, slaConfigSchema } from './sla-config';
import { workingCalendarConfigSchema } from '../calendar';
import { notificationRecordSchema } from '../notification/records';

/**
 * Stored records of the case context (issue 9 item 1): `cases`, `case_events` and the street's case
 * `configs` documents. One schema per collection; the types are inferred. Read them only through
 * `collectionOf` in `cloudfunctions/_lib/records.ts`.
 */

// The SDK hands dates back as Date; documents written by other tools may hold ISO strings.
const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

/** Event types: every state-machine action, the report that opens the timeline, the timer's escalation. */
/** `reconcile`: a step whose record was lost, noted by the reconciler (never a made-up action). */
export const CASE_EVENT_TYPES = ['report', 'escalate', 'reconcile', ...CASE_ACTIONS] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * A stored `case_events` document: one per case version, `_id` `<caseId>-v<version>`, so the timeline
 * of a case is complete exactly when it has an event for every version from 1 to the case's version.
 */
export const caseEventRecordSchema = z
  .object({
    _id: z.string(),
    caseId: z.string(),
    type: z.enum(CASE_EVENT_TYPES),
    from: z.enum(CASE_STATES).optional(),
    to: z.enum(CASE_STATES),
    /** A user id, or 'system' for the timer. */
    by: z.string(),
    at: storedDate,
    note: z.string().optional(),
    photos: z.array(z.string()).default([]),
    rating: z.enum(RATINGS).optional(),
    /** escalate: the level it went to and the deadline that ran out. */
    level: z.enum(ESCALATION_LEVELS).optional(),
    deadlineKey: z.string().optional(),
    /** act: a fingerprint of the request (expected version + command), so a retry is recognised as done. */
    requestKey: z.string().optional(),
  })
  .passthrough();
export type CaseEventRecord = z.infer<typeof caseEventRecordSchema>;

/** The event id of a case's version `v` (its timeline has one event per version). */
export const caseEventId = (caseId: string, version: number) => `${caseId}-v${version}`;

/** A stored `cases` document: the workflow fields plus what the report and the timer add. */
export const caseRecordSchema = caseWorkflowSchema
  .extend({
    _id: z.string(),
    version: z.number().int(),
    stageStartedAt: storedDate,
    dispatchDueAt: storedDate.optional(),
    supervision: z.object({ by: z.string(), dueAt: storedDate, note: z.string(), level: z.enum(['grid', 'community', 'street']).optional() }).optional(),
    createdAt: storedDate,
    updatedAt: storedDate.optional(),
    /** The reporter's request id: the case `_id` is derived from it (filing is idempotent). */
    requestId: z.string().optional(),
    description: z.string(),
    photos: z.array(z.string()),
    location: z.object({ lat: z.number().optional(), lng: z.number().optional(), address: z.string().optional() }),
    phone: z.string().optional(),
    anonymous: z.boolean(),
    /** The reporter marked 有危险/很紧急 (issue 8 item 3); the officer confirms or changes the class at 签收. */
    urgentByReporter: z.boolean().optional(),
    reporterName: z.string(),
    categoryLabel: z.string(),
    ratingComment: z.string().optional(),
    dueAt: storedDate.optional(),
    nearDueAt: storedDate.optional(),
    nearDueWarnedKey: z.string().optional(),
    escalatesTo: z.enum(ESCALATION_LEVELS).optional(),
    deadlineKey: z.string().optional(),
    deadlineKind: z.string().optional(),
    deadlineReason: z.string().optional(),
    overdueLevel: z.enum(ESCALATION_LEVELS).optional(),
    /**
     * The timeline, one event per version, written in the SAME single-document write as the state it
     * records (issue 9 item 3): a case can never be stored without its events. Legacy cases (events in
     * `case_events` only) read as [] until the reconciler copies them over.
     */
    timeline: z.array(caseEventRecordSchema).default([]),
    /**
     * The outbox rows of recent steps, written with the step and then inserted into `notifications`
     * (idempotent ids). The reconciler re-inserts any that are missing and clears them; `outboxAt` is
     * when the newest was added.
     */
    outbox: z.array(notificationRecordSchema).optional(),
    outboxAt: storedDate.optional(),
  })
  .passthrough();
export type CaseRecord = z.infer<typeof caseRecordSchema>;

const configStamps = { version: z.number().int().nonnegative(), updatedAt: storedDate.optional(), updatedBy: z.string().optional() };

/** `configs/categories-<street>`: the street's category tree (PRODUCT.md §4). */
export const categoriesConfigRecordSchema = z.object({ _id: z.string(), categories: categoryTreeSchema, ...configStamps }).passthrough();
/** `configs/sla-<street>`: deadlines and the working calendar (PRODUCT.md §5); absent parts are the defaults. */
export const slaConfigRecordSchema = z
  .object({ _id: z.string(), sla: slaConfigSchema.optional(), calendar: workingCalendarConfigSchema.optional(), ...configStamps })
  .passthrough();
/** `configs/notification-templates-<street>`: subscribe-message template ids by notification kind. */
export const templatesConfigRecordSchema = z.object({ _id: z.string(), /** Parsed per kind by `templatesFromStored` (src/domain/notification): ids or { templateId, keywords }. */
    templates: z.unknown(), ...configStamps }).passthrough();

/**
 * Any `configs` document, read when the kind is not known in advance (one query fetches a street's
 * three case configs). Each kind is then parsed with its own schema above.
 */
export const configRecordSchema = z.object({ _id: z.string(), version: z.number().int().nonnegative() }).passthrough();
export type ConfigRecord = z.infer<typeof configRecordSchema>;
