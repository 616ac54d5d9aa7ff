import type { Database } from '../app';
import { registerStores } from './stores';

/**
 * What other contexts may read of a household (issue 14: visits attach to households): where it is and
 * which care groups live there — no names, no numbers. The caller still checks its own role and scope
 * against `streetId / communityId / gridId`, and which flags a role may see (`flagsVisibleAt` with the
 * street's register rules, `loadRegisterRules`).
 */
export interface HouseholdLookup {
  householdId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  address: string;
  tenure: 'owner' | 'rented' | 'vacant';
  memberCount: number;
  careFlags: string[];
}

export async function householdLookup(db: Database, householdId: string): Promise<HouseholdLookup | null> {
  const h = await registerStores(db).households.load(householdId);
  if (!h) return null;
  return {
    householdId: h._id,
    streetId: h.streetId,
    communityId: h.communityId,
    gridId: h.gridId,
    address: h.address,
    tenure: h.tenure,
    memberCount: h.memberCount,
    careFlags: h.careFlags,
  };
}
