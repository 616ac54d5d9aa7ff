import { createHash } from 'node:crypto';
import { auditRecordSchema, type AuditedAction, type AuditRecord } from '../../src/domain/audit';
import type { Database } from './app';
import { collectionOf, type Tx } from './records';
import type { Caller } from './caller';

/** The one collection of the audit trail; nothing but the two appends below writes it, and only by insert. */
export const AUDIT_COLLECTION = 'audit_logs';

/** sha256 over the personal fields in a stable key order; '' for "did not exist". */
export function personalHash(fields: Record<string, unknown> | null): string {
  if (!fields) return '';
  return createHash('sha256').update(canonical(fields)).digest('hex');
}

function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Field names whose values differ between before and after (all of after's when before is null). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((k) => canonical(before?.[k]) !== canonical(after[k])).sort();
}

/**
 * Appends one entry after a successful write. The `_id` is derived from the action, the target and the
 * after-hash and time, so a retried handler does not append the same change twice.
 */
export type AuditEntry = { caller: Caller; streetId: string; now: Date; action: AuditedAction; target: AuditRecord['target']; before: Record<string, unknown> | null; after: Record<string, unknown> };

export async function appendAudit(db: Database, entry: AuditEntry): Promise<void> {
  await collectionOf(db, AUDIT_COLLECTION, auditRecordSchema).insertOnce(auditRecordOf(entry));
}

/**
 * Appends inside the caller's transaction, so the write and its entry commit together (a move is never
 * stored without its entry: crash walk, issue 9 item 4). A retry after a crash finds the entry by its id.
 */
export async function appendAuditInTransaction(tx: Tx, entry: AuditEntry): Promise<void> {
  const record = auditRecordOf(entry);
  const trail = tx.collectionOf(AUDIT_COLLECTION, auditRecordSchema);
  if (!(await trail.load(record._id))) await trail.insert(record);
}

/** The audit entry as stored, not yet written. */
export function auditRecordOf(entry: AuditEntry): AuditRecord {
  const beforeHash = personalHash(entry.before);
  const afterHash = personalHash(entry.after);
  const _id = `audit-${createHash('sha256').update(`${entry.action}|${entry.target.id}|${beforeHash}|${afterHash}|${entry.now.toISOString()}`).digest('hex').slice(0, 32)}`;
  return {
    _id,
    streetId: entry.streetId,
    at: entry.now,
    by: { userId: entry.caller.userId, name: entry.caller.name },
    action: entry.action,
    target: entry.target,
    fields: changedFields(entry.before, entry.after),
    beforeHash,
    afterHash,
  };
}
