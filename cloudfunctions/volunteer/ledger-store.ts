import { DomainError } from '../../src/domain/errors';
import { resolvePointsRules, streetPointsRulesSchema, type LedgerEntry, type PointsRule } from '../../src/domain/volunteer';
import type { Invocation } from '../_lib';
import { accountId, entryFromDoc, entryToDoc, findDoc, insertOnce, readAll } from './records';

/**
 * The ledger is the source of truth and only grows (001 L885). Beside it, one `points_accounts` document
 * per volunteer and year keeps the running totals, so that
 * - a redemption can claim points with one conditional update (`available >= cost`, no transactions), and
 * - the ranking reads one small document per volunteer instead of every ledger line.
 * Each entry moves its account exactly once: the entry is inserted under its derived id first, and only
 * the insert that created it increments the account. Tests check accounts against sum(ledger).
 */

const isEarned = (e: LedgerEntry) => e.kind === 'award' || e.kind === 'correction';

/** Increments (or creates) the year's account of the entry's volunteer. */
export async function moveAccount(call: Invocation, e: Pick<LedgerEntry, 'volunteerId' | 'communityId' | 'streetId' | 'year'>, earned: number, available: number): Promise<void> {
  const _ = call.db.command;
  const _id = accountId(e.volunteerId, e.year);
  const { updated } = await call.db.collection('points_accounts').where({ _id }).update({ earned: _.inc(earned), available: _.inc(available) });
  if (updated) return;
  const created = await insertOnce(call, 'points_accounts', { _id, volunteerId: e.volunteerId, communityId: e.communityId, streetId: e.streetId, year: e.year, earned, available });
  // Two first entries at once: the other insert won, so increment the account it created.
  if (!created) await call.db.collection('points_accounts').where({ _id }).update({ earned: _.inc(earned), available: _.inc(available) });
}

/** Appends validated entries; returns the ids actually written (a retry writes nothing and returns []). */
export async function appendToLedger(call: Invocation, entries: readonly LedgerEntry[], opts: { accountMoved?: boolean } = {}): Promise<string[]> {
  const written = await Promise.all(
    entries.map(async (e) => {
      if (!(await insertOnce(call, 'ledger', entryToDoc(e)))) return null;
      // A redemption claims its points from the account itself (conditionally) before it is appended.
      if (!opts.accountMoved) await moveAccount(call, e, isEarned(e) ? e.points : 0, e.points);
      return e.id;
    }),
  );
  return written.filter((id): id is string => id !== null);
}

/** Every entry of one volunteer (one index range; a volunteer has tens to hundreds). */
export async function volunteerEntries(call: Invocation, volunteerId: string, year?: number): Promise<LedgerEntry[]> {
  const docs = await readAll(call, 'ledger', year === undefined ? { volunteerId } : { volunteerId, year });
  return docs.map(entryFromDoc).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
}

export async function loadEntry(call: Invocation, entryId: string): Promise<LedgerEntry> {
  const doc = await findDoc(call, 'ledger', entryId);
  if (!doc) throw new DomainError('NOT_FOUND', '积分记录不存在');
  return entryFromDoc(doc);
}

// ---------- the street's points table ----------

export const rulesConfigId = (streetId: string) => `points-rules:${streetId}`;

/** The stored overrides of a street (defaults when none were saved), with the config's version. */
export async function loadRulesConfig(call: Invocation, streetId: string) {
  const doc = await findDoc(call, 'configs', rulesConfigId(streetId));
  const config = streetPointsRulesSchema.parse({ streetId, overrides: doc?.overrides ?? [], added: doc?.added ?? [], leadCategories: doc?.leadCategories ?? undefined });
  return { config, version: typeof doc?.version === 'number' ? doc.version : 0, rules: resolvePointsRules(config) };
}

export async function loadRules(call: Invocation, streetId: string): Promise<PointsRule[]> {
  return (await loadRulesConfig(call, streetId)).rules;
}
