import type { AuditedAction } from '../../src/domain/audit';
import { appendAudit, type Caller, type Invocation } from '../_lib';

/**
 * Reads of special-group data, full ID numbers and exports are logged like writes (issue 15 item 2:
 * "every read of a special-group record is logged (who, when, what) and the log is visible to the street
 * admin" — `org.auditLog`). `fields` names what was seen (group ids, idNumber, phone); the values
 * themselves never enter the trail.
 */
export async function auditRead(
  call: Invocation,
  entry: { caller: Caller; streetId: string; action: AuditedAction; target: { collection: string; id: string; label: string }; fields: string[] },
): Promise<void> {
  if (!entry.fields.length) return;
  await appendAudit(call.db, {
    caller: entry.caller,
    streetId: entry.streetId,
    now: call.now,
    action: entry.action,
    target: entry.target,
    before: null,
    after: Object.fromEntries(entry.fields.map((f) => [f, 'read'])),
  });
}
