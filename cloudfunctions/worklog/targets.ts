import { householdRecordSchema, type HouseholdRecord } from '../../src/domain/register/records';
import { buildingRecordSchema, type BuildingRecord } from '../../src/domain/org/records';
import { sixMustGroupsOfFlags, type VisitTarget } from '../../src/domain/worklog';
import { collectionOf, type Database } from '../_lib';

/**
 * The homes of some grids as the rules see them: the register's households (#15) where it holds them,
 * with 出租 from their tenure and the 六必访 groups from their care flags; else the grid's buildings.
 */
export interface GridHomes {
  buildings: BuildingRecord[];
  households: HouseholdRecord[];
}

/** CloudBase answers a query on a collection never created with this code; before the register is deployed, it has no households. */
const NO_COLLECTION = 'DATABASE_COLLECTION_NOT_EXIST';

export async function loadGridHomes(db: Database, gridIds: readonly string[]): Promise<GridHomes> {
  const _ = db.command;
  const where = { gridId: _.in([...gridIds]) };
  const [buildings, households] = await Promise.all([
    collectionOf(db, 'buildings', buildingRecordSchema).all(where, { max: 5_000 }),
    collectionOf(db, 'households', householdRecordSchema)
      .all(where, { max: 20_000 })
      .catch((err: { code?: string }) => {
        if (err?.code === NO_COLLECTION) return [];
        throw err;
      }),
  ]);
  return { buildings, households };
}

export const householdLabel = (h: HouseholdRecord) => [h.buildingName, h.unit, h.room].filter(Boolean).join('') || h.address;

/** Per grid: its households when the register holds any, else its buildings. */
export function visitTargetsOf(homes: GridHomes): VisitTarget[] {
  const registerGrids = new Set(homes.households.map((h) => h.gridId));
  return [
    ...homes.households.map((h): VisitTarget => ({
      householdId: h._id,
      label: householdLabel(h),
      rented: h.tenure === 'rented',
      groups: sixMustGroupsOfFlags(h.careFlags),
      knownSince: h.createdAt,
    })),
    ...homes.buildings.filter((b) => !registerGrids.has(b.gridId)).map((b): VisitTarget => ({ buildingId: b._id, label: b.name, knownSince: b.createdAt })),
  ];
}
