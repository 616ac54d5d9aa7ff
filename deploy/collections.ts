/**
 * Typed view of deploy/collections.json: the single list of collections GridLink uses and its
 * hot-query indexes (ARCHITECTURE.md §5, §8). The JSON is the source of truth so that plain-Node
 * scripts (deploy/sync-cloudbaserc.mjs) read the same data as TypeScript code and tests.
 */
import data from './collections.json';

export const COLLECTION_NAMES = [
  'streets',
  'communities',
  'grids',
  'buildings',
  'departments',
  'persons',
  'users',
  'cases',
  'case_events',
  'patrols',
  'visits',
  'grid_logs',
  'activities',
  'signups',
  'ledger',
  'rewards',
  'redemptions',
  'volunteers',
  'points_accounts',
  'configs',
  'notifications',
  'subscriptions',
  'audit_logs',
  'rate_limits',
  'uploads',
  'system_heartbeats',
  'stats_daily',
  'stats_monthly',
  'stats_state',
  'assessment_rule_sets',
  'assessment_runs',
  'assessment_sheets',
  'assessment_bulletins',
  'patrol_bulletins',
  'households',
  'residents',
  'tenancies',
  'register_changes',
  'meetings',
  'meeting_attendance',
] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** CloudBase index key directions ("1" ascending, "-1" descending), as the database plugin and updateIndex API take them. */
export type IndexDirection = '1' | '-1';

export interface CollectionSpec {
  name: CollectionName;
  description: string;
}

export interface IndexSpec {
  collection: CollectionName;
  /** CloudBase index name (1-64 characters). */
  name: string;
  /** Enforced by CloudBase; the local cloud does not enforce uniqueness (see local-cloud/indexes.ts). */
  unique: boolean;
  keys: Array<{ field: string; direction: IndexDirection }>;
  /** The query this index serves. */
  why: string;
}

function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

function load(): { collections: CollectionSpec[]; indexes: IndexSpec[] } {
  const collections = data.collections.map((c) => {
    if (!isCollectionName(c.name)) throw new Error(`deploy/collections.json: unknown collection "${c.name}"`);
    return { name: c.name, description: c.description };
  });
  const declared = new Set(collections.map((c) => c.name));
  for (const name of COLLECTION_NAMES) if (!declared.has(name)) throw new Error(`deploy/collections.json: collection "${name}" is missing`);
  const indexes = data.indexes.map((i) => {
    if (!isCollectionName(i.collection) || !declared.has(i.collection)) throw new Error(`deploy/collections.json: index "${i.name}" names undeclared collection "${i.collection}"`);
    const keys = i.keys.map((k) => {
      if (k.direction !== '1' && k.direction !== '-1') throw new Error(`deploy/collections.json: index "${i.name}" has bad direction "${k.direction}"`);
      return { field: k.field, direction: k.direction as IndexDirection };
    });
    return { collection: i.collection, name: i.name, unique: i.unique, keys, why: i.why };
  });
  return { collections, indexes };
}

const loaded = load();

export const COLLECTIONS: readonly CollectionSpec[] = loaded.collections;
export const INDEXES: readonly IndexSpec[] = loaded.indexes;

export function indexesOf(collection: CollectionName): IndexSpec[] {
  return INDEXES.filter((index) => index.collection === collection);
}
