import { escalationOf, LEVELS_TO_NOTIFY } from '../../src/domain/case/escalation';
import { timeValue } from '../../src/domain/notification';
import { escalationWords, LEVEL_WORDS } from '../../src/domain/case/plain-words';
import { deadlineRuleFor } from '../../src/domain/case/sla';
import type { DeadlineKind } from '../../src/domain/case/sla-config';
import { queueNotifications, staffAt, type OutgoingNotification } from '../_lib/notify';
import type { Database } from '../_lib';
import { casePatch, workflowOf, type StoredCase } from '../case/records';
import { cachedStreetConfig, type StreetConfig, type StreetConfigCache } from '../case/street-config';

/** What one sweep run shares: staff lookups and street configs, each read once per run. `config`: already loaded (report). */
export interface SweepCaches {
  staff?: Map<string, Promise<string[]>>;
  configs?: StreetConfigCache;
  config?: StreetConfig;
}
const configOf = (db: Database, c: StoredCase, caches: SweepCaches) =>
  caches.config?.streetId === c.streetId ? Promise.resolve(caches.config) : cachedStreetConfig(db, c.streetId, caches.configs);

const LEVEL_LABELS = LEVEL_WORDS;

/**
 * Escalates one due case one level, exactly once (issue 4 item 6): the update is conditional on the
 * version AND the deadline key read, so of two concurrent sweeps (or a sweep racing a handler) only
 * one wins; the loser changes nothing and writes no event. Returns whether this call escalated it.
 */
export async function escalateCase(db: Database, c: StoredCase, now: Date, caches: SweepCaches = {}): Promise<boolean> {
  if (!c.escalatesTo || !c.deadlineKey) return false;
  const staffCache = caches.staff;
  const config = await configOf(db, c, caches);
  const esc = escalationOf({ ...workflowOf(c), escalatesTo: c.escalatesTo, overdueLevel: c.overdueLevel }, config.sla, now);
  if (!esc) return false;
  const patch = { ...casePatch(db, workflowOf(c), esc.next, now), overdueLevel: esc.overdueLevel, version: c.version + 1 };
  const result = await db.collection('cases').where({ _id: c._id, version: c.version, deadlineKey: c.deadlineKey }).update(patch);
  if (!result.updated) return false;
  const eventId = `${c._id}-v${c.version + 1}`;
  const emergency = c.deadlineKind === 'emergency_notify';
  // Plain words for the resident's timeline (issue 8 item 4); the rule's source stays in the SLA table.
  const kind = c.deadlineKind as DeadlineKind | undefined;
  const note = escalationWords(kind, kind && !emergency ? deadlineRuleFor(kind, workflowOf(c), config.sla.sla) : undefined, esc.level);
  await db.collection('case_events').add({
    _id: eventId,
    caseId: c._id,
    type: 'escalate',
    from: c.state,
    to: c.state,
    by: 'system',
    at: now,
    note,
    level: esc.level,
    deadlineKey: c.deadlineKey,
    photos: [],
  });
  // 突发性 (PRODUCT.md §4): community and street at once; otherwise the two levels of this step (§5).
  const levels = emergency ? (['grid', 'community', 'street'] as const) : LEVELS_TO_NOTIFY[esc.level];
  const staff = (await Promise.all(levels.map((l) => staffAt(db, l, c, staffCache)))).flat();
  const notificationKind = emergency ? 'case_emergency' : 'case_overdue';
  const items: OutgoingNotification[] = staff.map((toUserId) => ({ toUserId, kind: notificationKind, caseId: c._id, cause: eventId, body: `${c.categoryLabel}：${c.description}` }));
  if (c.ownerId) items.push({ toUserId: c.ownerId, kind: 'case_overdue', caseId: c._id, cause: eventId, body: note });
  // The reporter is told at escalation (PRODUCT.md §6).
  items.push({ toUserId: c.reporterId, kind: 'case_escalated', caseId: c._id, cause: eventId, body: `已上报${LEVEL_LABELS[esc.level]}` });
  await queueNotifications(db, items, now, { categoryLabel: c.categoryLabel, templates: config.templates });
  return true;
}

/**
 * The 80 % warning to the owner (PRODUCT.md §5), once per deadline: the update removes `nearDueAt` on
 * condition it is still there for the same deadline key, so only one sweep sends it. It does not bump
 * `version` — a warning changes nothing a handler decides on, and must not make their save conflict.
 */
export async function warnNearDue(db: Database, c: StoredCase, now: Date, caches: SweepCaches = {}): Promise<boolean> {
  const staffCache = caches.staff;
  if (!c.deadlineKey || !c.nearDueAt) return false;
  const _ = db.command;
  const result = await db
    .collection('cases')
    .where({ _id: c._id, deadlineKey: c.deadlineKey, nearDueAt: _.lte(now) })
    .update({ nearDueAt: _.remove(), nearDueWarnedKey: c.deadlineKey });
  if (!result.updated) return false;
  const recipients = c.ownerId ? [c.ownerId] : await staffAt(db, 'grid', c, staffCache);
  const body = c.dueAt ? `将于${timeValue(c.dueAt)}超时` : '即将超时';
  const { templates } = await configOf(db, c, caches);
  await queueNotifications(
    db,
    recipients.map((toUserId) => ({ toUserId, kind: 'case_near_due', caseId: c._id, cause: `near:${c.deadlineKey}`, body })),
    now,
    { categoryLabel: c.categoryLabel, templates },
  );
  return true;
}
