import { createHash } from 'node:crypto';
import { DomainError } from '../../src/domain/errors';
import { gridRecordSchema, type GridRecord } from '../../src/domain/org/records';
import { eightReportOverridesSchema, type EightReportOverrides } from '../../src/domain/patrol/eight-reports';
import { patrolConfigId, patrolConfigRecordSchema, patrolRecordSchema, type PatrolRecord } from '../../src/domain/patrol/records';
import { patrolRuleOverridesSchema, resolvePatrolRules, type PatrolRules } from '../../src/domain/patrol/rules';
import { collectionOf, type Database, type Invocation } from '../_lib';

/** The `patrols` collection through the one accessor; its schema lives in src/domain/patrol/records.ts. */
export const patrolsOf = (db: Database) => collectionOf(db, 'patrols', patrolRecordSchema);
export const gridsOf = (db: Database) => collectionOf(db, 'grids', gridRecordSchema);

export interface PatrolConfig {
  rules: PatrolRules;
  eightReports: EightReportOverrides | undefined;
}

/** The street's `configs/patrol-<street>` over the defaults of src/domain/patrol (absent: the defaults). */
export async function loadPatrolConfig(db: Database, streetId: string): Promise<PatrolConfig> {
  const doc = await collectionOf(db, 'configs', patrolConfigRecordSchema).load(patrolConfigId(streetId));
  return {
    rules: resolvePatrolRules(doc?.rules ? patrolRuleOverridesSchema.parse(doc.rules) : undefined),
    eightReports: doc?.eightReports ? eightReportOverridesSchema.parse(doc.eightReports) : undefined,
  };
}

/** One read of each street's config per invocation, however many patrols a list shows. */
export function configCache(db: Database): (streetId: string) => Promise<PatrolConfig> {
  const cache = new Map<string, Promise<PatrolConfig>>();
  return (streetId) => {
    const hit = cache.get(streetId);
    if (hit) return hit;
    const loading = loadPatrolConfig(db, streetId);
    cache.set(streetId, loading);
    return loading;
  };
}

const hash = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** Scoped by street and worker: a request id guessed from someone else starts nothing of theirs. */
export const patrolIdFor = (streetId: string, userId: string, requestId: string) => `patrol-${hash(`${streetId}:${userId}:${requestId}`, 20)}`;
export const findingIdFor = (patrolId: string, requestId: string) => `f-${hash(`${patrolId}:${requestId}`, 16)}`;

export async function loadEnabledGrid(db: Database, gridId: string): Promise<GridRecord> {
  const grid = await gridsOf(db).load(gridId);
  if (!grid || !grid.enabled) throw new DomainError('NOT_FOUND', '网格不存在或已停用');
  return grid;
}

/** The caller's running patrol, if any (index workerId + state). */
export async function runningPatrolOf(call: Invocation, workerId: string): Promise<PatrolRecord | null> {
  const { items } = await patrolsOf(call.db).page({ workerId, state: 'active' }, { orderBy: ['startedAt', 'desc'], limit: 1 });
  return items[0] ?? null;
}

/**
 * A versioned write that re-reads and retries when another write of the same patrol won (the offline
 * queue may send a batch of points while the page checks in at a building). `change` decides again on
 * the fresh document each time; the last CONFLICT reaches the caller.
 */
export async function updatePatrol<R>(
  call: Invocation,
  patrolId: string,
  change: (p: PatrolRecord) => { patch: Record<string, unknown> | null; result: R },
  tries = 4,
): Promise<R> {
  const patrols = patrolsOf(call.db);
  for (let attempt = 1; ; attempt += 1) {
    const patrol = await patrols.require(patrolId, '巡查');
    const { patch, result } = change(patrol);
    if (!patch) return result;
    try {
      await patrols.update(patrol, { ...patch, updatedAt: call.now });
      return result;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'CONFLICT') || attempt >= tries) throw err;
    }
  }
}
