import { resolvePointsRules, streetPointsRulesSchema, type LedgerEntry, type PointsRule } from '../../src/domain/volunteer';
import type { Invocation } from '../_lib';
import { appendEntryAtomically } from './atomic';
import { configsOf, entryFromDoc, volunteerCollection } from './records';

/**
 * The ledger is the source of truth and only grows (001 L885). Beside it, one `points_accounts` document
 * per volunteer and year keeps the running totals (the ranking reads one small document per volunteer).
 * Each entry and its account move in ONE transaction (atomic.ts), so account = sum of ledger at every
 * commit, a retry finds the entry and moves nothing, and no account goes below zero.
 */

/** Appends validated entries; returns the ids actually written (a retry writes nothing and returns []). */
export async function appendToLedger(call: Invocation, entries: readonly LedgerEntry[]): Promise<string[]> {
  const written = await Promise.all(entries.map(async (e) => ((await appendEntryAtomically(call, e)) ? e.id : null)));
  return written.filter((id): id is string => id !== null);
}

/** Every entry of one volunteer (one index range; a volunteer has tens to hundreds). */
export async function volunteerEntries(call: Invocation, volunteerId: string, year?: number): Promise<LedgerEntry[]> {
  const docs = await volunteerCollection(call, 'ledger').all(year === undefined ? { volunteerId } : { volunteerId, year });
  return docs.map(entryFromDoc).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
}

export async function loadEntry(call: Invocation, entryId: string): Promise<LedgerEntry> {
  return entryFromDoc(await volunteerCollection(call, 'ledger').require(entryId, '积分记录'));
}

// ---------- the street's points table ----------

export const rulesConfigId = (streetId: string) => `points-rules:${streetId}`;

/** The stored overrides of a street (defaults when none were saved), with the config's version. */
export async function loadRulesConfig(call: Invocation, streetId: string) {
  const doc = await configsOf(call).load(rulesConfigId(streetId));
  const config = streetPointsRulesSchema.parse({ streetId, overrides: doc?.overrides ?? [], added: doc?.added ?? [], leadCategories: doc?.leadCategories ?? undefined });
  return { config, version: typeof doc?.version === 'number' ? doc.version : 0, rules: resolvePointsRules(config) };
}

export async function loadRules(call: Invocation, streetId: string): Promise<PointsRule[]> {
  return (await loadRulesConfig(call, streetId)).rules;
}
