import type { NoticedChange } from '../../../src/domain/register/api';
import { changeRecordSchema, chinaDateOf, mayAt, type ChangeKind, type ChangeRecord, type ChangeSource, type RegisterRules } from '../../../src/domain/register';
import type { WorkingCalendarConfig } from '../../../src/domain/calendar';
import type { RoleGrant } from '../../../src/domain/user';
import { DomainError } from '../../../src/domain/errors';
import type { Database } from '../app';
import { loadStreetConfig } from '../cases/street-config';
import type { Tx } from '../records';
import { buildChange } from './changes';
import { loadRegisterRules, registerStores } from './stores';

/**
 * Issue 15 item 5: other work — a 人口房屋变动 case, a visit noting a change, a 八必报 rental report —
 * drafts a register change for the worker to confirm (`register.confirmChange`) or dismiss. The draft is
 * dated, runs against the register deadline from the day it happened (overdue lists show it until
 * confirmed), and its id comes from the household, person, kind, day and source record, so a retried or
 * twice-reported source makes one draft.
 */
export type DraftSource = Exclude<ChangeSource, 'worker' | 'import'>;

export interface DraftRequest {
  householdId: string;
  noticed: NoticedChange;
  source: DraftSource;
  /** The originating record (visit, case): part of the draft's id. */
  sourceId: string;
  /** When the originating work happened (a visit's time, a case's filing): the change's date. */
  at: Date;
  /** Who is noting it: only someone who may write the household's register (its grid's worker) drafts. */
  by: { roles: readonly RoleGrant[] };
  /** The grid the originating record is in: the household must be in it. */
  gridId: string;
  /** For a case: its category, which must be one the street's rules feed into the register. */
  categoryId?: string;
}

const refused = (field: string, message: string) => new DomainError('INVALID_INPUT', `输入有误：${message}`, { [field]: message });

/**
 * Checks a noted change and builds its draft WITHOUT writing it: the originating action calls this before
 * its own write (a refused note leaves no visit or case behind) and writes the draft with it — in the same
 * transaction where it has one (`insertDraftInTransaction`), else right after (`insertDraft`, idempotent, so
 * a retry of the source completes it).
 */
export async function prepareDraft(db: Database, r: DraftRequest, now: Date): Promise<ChangeRecord> {
  const stores = registerStores(db);
  const h = await stores.households.load(r.householdId);
  if (!h) throw new DomainError('NOT_FOUND', '住户不在户况登记中', { householdId: '住户不在户况登记中' });
  const [{ rules }, config] = await Promise.all([loadRegisterRules(db, h.streetId), loadStreetConfig(db, h.streetId)]);
  const place = { streetId: h.streetId, communityId: h.communityId, gridId: h.gridId };
  // Named under the household: the form shows it at the household pick (a household of another grid).
  if (!mayAt(r.by.roles, place, rules, 'write')) throw new DomainError('FORBIDDEN', '只有本网格的网格员可以登记户况变动', { householdId: '只能选择您负责网格中的住户' });
  if (h.gridId !== r.gridId) throw refused('householdId', '住户不在这个网格中');
  if (r.categoryId !== undefined && !rules.draftCategories.categoryIds.includes(r.categoryId)) throw refused('register', '只有人口房屋变动类事件可以关联户况');
  let subject = r.noticed.subject;
  if (r.noticed.residentId) {
    const person = await stores.residents.load(r.noticed.residentId);
    if (!person || person.householdId !== h._id || person.status !== 'active') throw refused('residentId', '此人不在这一户');
    subject = person.name;
  }
  return buildChange(
    { ...place, householdId: h._id, ...(r.noticed.residentId ? { residentId: r.noticed.residentId } : {}), kind: r.noticed.kind, occurredOn: chinaDateOf(r.at), subject, source: r.source, sourceId: r.sourceId },
    rules,
    config.sla.calendar,
    now,
  );
}

/** How much of a resident's description a draft's summary carries (the case keeps the whole text). */
const REPORT_SUMMARY_CHARS = 60;

/**
 * A resident's report of a category that feeds the register (a 人口房屋变动 case, a rental report from the
 * 八必报 list): a draft for the grid's worker with the address as the resident wrote it and no household
 * — a resident never sees the register, so never names one; the worker picks it when confirming, and the
 * kind (a resident says what happened in words, recorded as 信息变更 until the worker says which change it
 * is). Null when the street's rules do not feed this category into the register.
 */
export function addressDraftOf(
  r: { place: { streetId: string; communityId: string; gridId: string }; categoryId: string; caseId: string; description: string; address?: string; at: Date; roles: readonly RoleGrant[] },
  rules: RegisterRules,
  calendar: WorkingCalendarConfig,
  now: Date,
): ChangeRecord | null {
  if (!rules.draftCategories.categoryIds.includes(r.categoryId)) return null;
  const change = buildChange({ ...r.place, kind: 'info_change', occurredOn: chinaDateOf(r.at), subject: '居民上报', source: 'case', sourceId: r.caseId }, rules, calendar, now);
  const address = r.address?.trim().slice(0, 100);
  // Staff who keep this register, filing without naming the household (the shared 我要上报 page), get the same draft, said as theirs.
  const byWorker = mayAt(r.roles, r.place, rules, 'write');
  return { ...change, summary: `${byWorker ? '事件上报' : '居民上报'}：${r.description.slice(0, REPORT_SUMMARY_CHARS)}`, ...(address ? { reportedAddress: address } : {}) };
}

/** Writes a prepared draft once (a retry finds it and writes nothing). */
export async function insertDraft(db: Database, draft: ChangeRecord): Promise<string> {
  const { doc } = await registerStores(db).changes.insertOnce(draft);
  return doc._id;
}

/** Writes a prepared draft inside the originating action's transaction, once. */
export async function insertDraftInTransaction(tx: Tx, draft: ChangeRecord): Promise<void> {
  const changes = tx.collectionOf('register_changes', changeRecordSchema);
  if (!(await changes.load(draft._id))) await changes.insert(draft);
}

/**
 * A draft from trusted server-side facts (no caller to check, e.g. a timer or a test): null when the
 * household is not in the register.
 */
export async function draftRegisterChange(
  db: Database,
  facts: { householdId: string; residentId?: string; kind: ChangeKind; occurredOn: string; subject: string; source: DraftSource; sourceId: string },
  now: Date,
): Promise<string | null> {
  const stores = registerStores(db);
  const h = await stores.households.load(facts.householdId);
  if (!h) return null;
  const [{ rules }, config] = await Promise.all([loadRegisterRules(db, h.streetId), loadStreetConfig(db, h.streetId)]);
  const change = buildChange({ streetId: h.streetId, communityId: h.communityId, gridId: h.gridId, ...facts }, rules, config.sla.calendar, now);
  return insertDraft(db, change);
}
