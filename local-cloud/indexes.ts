/**
 * Declares the app's hot-query indexes (deploy/collections.json, the same list deployed to CloudBase)
 * on the local database service.
 *
 * Local differences, by design of the local store (services/database/store.ts):
 * - each field path of an index is indexed on its own (a compound CloudBase index {gridId, state}
 *   becomes local indexes on `gridId` and on `state`), which is enough for the local query planner
 *   to narrow eq / `in` / range scans;
 * - `unique` is documentation only here: the local cloud does not reject duplicates, CloudBase does.
 * Idempotent; may be called before the service has started (indexes are queued until start()).
 */
import { COLLECTIONS, INDEXES, type IndexSpec } from '../deploy/collections';

export interface IndexTarget {
  ensureIndex(collection: string, fieldPaths: string[]): void;
}

export interface CollectionTarget {
  ensureCollection(name: string): void;
}

/**
 * Creates every collection of deploy/collections.json, as deploying does on CloudBase (docs/deploy.md):
 * there, and now locally, reading or writing a collection nobody created answers
 * DATABASE_COLLECTION_NOT_EXIST. Idempotent; may be called before the service has started.
 */
export function ensureDeclaredCollections(databaseService: CollectionTarget): readonly string[] {
  const names = COLLECTIONS.map((c) => c.name);
  for (const name of names) databaseService.ensureCollection(name);
  return names;
}

/** Declares every index from deploy/collections.json; returns what was declared. */
export function ensureDeclaredIndexes(databaseService: IndexTarget): readonly IndexSpec[] {
  for (const index of INDEXES) {
    databaseService.ensureIndex(
      index.collection,
      index.keys.map((key) => key.field),
    );
  }
  return INDEXES;
}
