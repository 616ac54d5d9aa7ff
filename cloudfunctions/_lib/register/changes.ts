import { createHash } from 'node:crypto';
import type { WorkingCalendarConfig } from '../../../src/domain/calendar';
import {
  CHANGE_DEADLINE,
  CHANGE_KIND_LABELS,
  chinaDateOf,
  dueDateOf,
  dueInstantOf,
  type ChangeKind,
  type ChangeRecord,
  type ChangeSource,
  type RegisterRules,
} from '../../../src/domain/register';

export interface ChangeFacts {
  streetId: string;
  communityId: string;
  gridId: string;
  /** None only for a resident's report (an address, no household): the worker picks it when confirming. */
  householdId?: string;
  residentId?: string;
  kind: ChangeKind;
  occurredOn: string;
  /** Who or what, in words; never an ID number or phone. */
  subject: string;
  source: ChangeSource;
  sourceId?: string;
  /** Entered by the worker themself: recorded now. Anything else is a draft for the worker to confirm. */
  by?: { userId: string; name: string };
}

/**
 * One dated change record with its deadlines (000 L34: 5 working days, a month for new arrivals) and
 * its 交接单 to the community line owner (000 L35). The `_id` is derived from what happened, so the
 * retried request, or a case and a visit reporting the same move, make one record.
 */
export function buildChange(f: ChangeFacts, rules: RegisterRules, calendar: WorkingCalendarConfig, now: Date): ChangeRecord {
  const key = `${f.householdId ?? ''}|${f.residentId ?? ''}|${f.kind}|${f.occurredOn}|${f.sourceId ?? ''}`;
  const dueAt = dueInstantOf(dueDateOf(f.occurredOn, rules.deadlines[CHANGE_DEADLINE[f.kind]], calendar));
  const handoverDue = dueInstantOf(dueDateOf(chinaDateOf(now), rules.deadlines.handover_ack, calendar));
  return {
    _id: `chg-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`,
    streetId: f.streetId,
    communityId: f.communityId,
    gridId: f.gridId,
    ...(f.householdId ? { householdId: f.householdId } : {}),
    ...(f.residentId ? { residentId: f.residentId } : {}),
    kind: f.kind,
    occurredOn: f.occurredOn,
    summary: `${f.subject}：${CHANGE_KIND_LABELS[f.kind]}`,
    source: f.source,
    ...(f.sourceId ? { sourceId: f.sourceId } : {}),
    state: f.by ? 'recorded' : 'draft',
    dueAt,
    ...(f.by ? { recordedAt: now, recordedBy: f.by } : {}),
    handover: { state: 'pending', dueAt: handoverDue },
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
