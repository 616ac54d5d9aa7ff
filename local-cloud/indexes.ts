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
import { INDEXES, type IndexSpec } from '../deploy/collections';

export interface IndexTarget {
  ensureIndex(collection: string, fieldPaths: string[]): void;
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
