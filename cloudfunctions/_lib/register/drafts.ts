import type { ChangeKind, ChangeSource } from '../../../src/domain/register';
import type { Database } from '../app';
import { loadStreetConfig } from '../cases/street-config';
import { buildChange } from './changes';
import { loadRegisterRules, registerStores } from './stores';

/**
 * Issue 15 item 5: other work — a 人口房屋变动 case, a visit noting a change, a 八必报 rental report —
 * drafts a register change for the worker to confirm (`register.confirmChange`). The draft is dated, runs
 * against the register deadline from the day it happened (overdue lists show it until confirmed), and its
 * id comes from the household, kind, day and source record, so a retried or twice-reported source makes one
 * draft. Returns the change id, or null when the household is not in the register.
 */
export async function draftRegisterChange(
  db: Database,
  facts: { householdId: string; residentId?: string; kind: ChangeKind; occurredOn: string; subject: string; source: Exclude<ChangeSource, 'worker' | 'import'>; sourceId: string },
  now: Date,
): Promise<string | null> {
  const stores = registerStores(db);
  const h = await stores.households.load(facts.householdId);
  if (!h) return null;
  const [{ rules }, config] = await Promise.all([loadRegisterRules(db, h.streetId), loadStreetConfig(db, h.streetId)]);
  const change = buildChange({ streetId: h.streetId, communityId: h.communityId, gridId: h.gridId, ...facts }, rules, config.sla.calendar, now);
  const { doc } = await stores.changes.insertOnce(change);
  return doc._id;
}
