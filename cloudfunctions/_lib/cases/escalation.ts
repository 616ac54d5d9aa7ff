import { escalationOf, LEVELS_TO_NOTIFY, type Escalation } from '../../../src/domain/case/escalation';
import { escalationWords, LEVEL_WORDS } from '../../../src/domain/case/plain-words';
import { deadlineRuleFor } from '../../../src/domain/case/sla';
import type { DeadlineKind } from '../../../src/domain/case/sla-config';
import { timeValue } from '../../../src/domain/notification';
import { caseEventId, type CaseRecord } from '../../../src/domain/case/records';
import type { Database } from '../app';
import { notificationDocs, staffAt, type OutgoingNotification, type StaffLevel } from '../notify';
import { cachedStreetConfig, type StreetConfig, type StreetConfigCache } from './street-config';
import { casePatch, casesOf, effectsPatch, flushOutbox, workflowOf, type StepEffects } from './store';

/**
 * Applying an escalation, in ONE place for both callers (issue 9 item 1): the `escalate` sweep and
 * `case.report` (a 突发性 case escalates at once). Neither function imports the other.
 */

/** What one sweep run shares: staff lookups and street configs, each read once per run. `config`: already loaded (report). */
export interface SweepCaches {
  staff?: Map<string, Promise<string[]>>;
  configs?: StreetConfigCache;
  config?: StreetConfig;
}
const configOf = (db: Database, c: CaseRecord, caches: SweepCaches) =>
  caches.config?.streetId === c.streetId ? Promise.resolve(caches.config) : cachedStreetConfig(db, c.streetId, caches.configs);

const LEVEL_LABELS = LEVEL_WORDS;

/** The levels whose staff hear of this escalation: 突发性 (PRODUCT.md §4) all three at once, else the two of the step (§5). */
export const levelsToNotify = (c: Pick<CaseRecord, 'deadlineKind'>, esc: Pick<Escalation, 'level'>): readonly StaffLevel[] =>
  c.deadlineKind === 'emergency_notify' ? (['grid', 'community', 'street'] as const) : LEVELS_TO_NOTIFY[esc.level];

/** The escalation of a due case, or null when nothing is due (closed, not escalatable). */
export function dueEscalation(c: CaseRecord, config: StreetConfig, now: Date): Escalation | null {
  if (!c.escalatesTo || !c.deadlineKey) return null;
  return escalationOf({ ...workflowOf(c), escalatesTo: c.escalatesTo, overdueLevel: c.overdueLevel }, config.sla, now);
}

/** The event and outbox rows of escalating `c` (at version `c.version`) one level; `staff` by level. */
export function escalationEffects(c: CaseRecord, esc: Escalation, staff: Record<StaffLevel, string[]>, config: StreetConfig, now: Date): StepEffects {
  const eventId = caseEventId(c._id, c.version + 1);
  const emergency = c.deadlineKind === 'emergency_notify';
  // Plain words for the resident's timeline (issue 8 item 4); the rule's source stays in the SLA table.
  const deadlineKind = c.deadlineKind as DeadlineKind | undefined;
  const note = escalationWords(deadlineKind, deadlineKind && !emergency ? deadlineRuleFor(deadlineKind, workflowOf(c), config.sla.sla) : undefined, esc.level);
  const kind = emergency ? 'case_emergency' : 'case_overdue';
  const items: OutgoingNotification[] = levelsToNotify(c, esc)
    .flatMap((l) => staff[l])
    .map((toUserId) => ({ toUserId, kind, caseId: c._id, cause: eventId, body: `${c.categoryLabel}：${c.description}` }));
  if (c.ownerId) items.push({ toUserId: c.ownerId, kind: 'case_overdue', caseId: c._id, cause: eventId, body: note });
  // The reporter is told at escalation (PRODUCT.md §6).
  items.push({ toUserId: c.reporterId, kind: 'case_escalated', caseId: c._id, cause: eventId, body: `已上报${LEVEL_LABELS[esc.level]}` });
  return {
    event: { _id: eventId, caseId: c._id, type: 'escalate', from: c.state, to: c.state, by: 'system', at: now, note, level: esc.level, deadlineKey: c.deadlineKey, photos: [] },
    notifications: notificationDocs(items, now, { categoryLabel: c.categoryLabel, templates: config.templates }),
  };
}

/** The case fields an escalation writes (state unchanged; the next deadline and the level reached). */
export const escalationPatch = (db: Database, c: CaseRecord, esc: Escalation, now: Date) => ({ ...casePatch(db, workflowOf(c), esc.next, now), overdueLevel: esc.overdueLevel });

/**
 * Escalates one due case one level, exactly once (issue 4 item 6): ONE write, conditional on the version
 * AND the deadline key read, carries the new deadline, the event and the outbox rows; of two concurrent
 * sweeps (or a sweep racing a handler) only one wins and the loser changes nothing. Then the rows go to
 * `notifications`. Round trips per escalated case: the write and the flush (staff and config are cached
 * per run). Returns whether this call escalated it.
 */
export async function escalateCase(db: Database, c: CaseRecord, now: Date, caches: SweepCaches = {}): Promise<boolean> {
  const config = await configOf(db, c, caches);
  const esc = dueEscalation(c, config, now);
  if (!esc) return false;
  const levels = levelsToNotify(c, esc);
  const staff = { grid: [], community: [], street: [] } as Record<StaffLevel, string[]>;
  await Promise.all(levels.map(async (l) => (staff[l] = await staffAt(db, l, c, caches.staff))));
  const effects = escalationEffects(c, esc, staff, config, now);
  const patch = { ...escalationPatch(db, c, esc, now), ...effectsPatch(db, effects, now) };
  const won = await casesOf(db)
    .update(c, patch, { deadlineKey: c.deadlineKey })
    .then(
      () => true,
      (err: { code?: string }) => {
        if (err?.code === 'CONFLICT') return false;
        throw err;
      },
    );
  if (!won) return false;
  await flushOutbox(db, effects.notifications);
  return true;
}

/**
 * The 80 % warning to the owner (PRODUCT.md §5), once per deadline: ONE write removes `nearDueAt` on
 * condition it is still there for the same deadline key and carries the outbox rows; then they are
 * flushed. It does not bump `version` — a warning changes nothing a handler decides on, and must not make
 * their save conflict — and it adds no timeline event.
 */
export async function warnNearDue(db: Database, c: CaseRecord, now: Date, caches: SweepCaches = {}): Promise<boolean> {
  if (!c.deadlineKey || !c.nearDueAt) return false;
  const recipients = c.ownerId ? [c.ownerId] : await staffAt(db, 'grid', c, caches.staff);
  const body = c.dueAt ? `将于${timeValue(c.dueAt)}超时` : '即将超时';
  const { templates } = await configOf(db, c, caches);
  const rows = notificationDocs(
    recipients.map((toUserId) => ({ toUserId, kind: 'case_near_due', caseId: c._id, cause: `near:${c.deadlineKey}`, body })),
    now,
    { categoryLabel: c.categoryLabel, templates },
  );
  const _ = db.command;
  const changed = await casesOf(db).updateWhere(
    { _id: c._id, deadlineKey: c.deadlineKey, nearDueAt: _.lte(now) },
    { nearDueAt: _.remove(), nearDueWarnedKey: c.deadlineKey, ...effectsPatch(db, { notifications: rows }, now) },
  );
  if (!changed) return false;
  await flushOutbox(db, rows);
  return true;
}
