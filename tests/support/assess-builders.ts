import { caseRecordSchema } from '../../src/domain/case/records';
import { patrolRecordSchema } from '../../src/domain/patrol/records';
import { contractCaller, type ContractCall } from './contract-call';
import type { CloudBaseDb } from './local-cloud-harness';

/** Test data for the `assess` function: a signed-in caller and stored cases of November 2026 in community A. */
export type AssessCall = ContractCall<'assess'>;

export const assessCaller = (baseUrl: string, userId: string): Promise<AssessCall> => contractCaller(baseUrl, 'assess', userId);

export interface StoredCaseSpec {
  id: string;
  ownerId: string;
  gridId?: string;
  /** China-time day of the report, e.g. '2026-11-05'. */
  day: string;
  state?: 'in_progress' | 'verified' | 'rated' | 'closed';
  /** A deadline ran out and the timer escalated it (超期). */
  late?: boolean;
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  supervised?: boolean;
}

/**
 * A stored case as the case function leaves it (parsed by the stored schema before it is written, so a
 * builder that drifts from the schema fails here rather than passing a malformed document on).
 */
export function storedCase(spec: StoredCaseSpec) {
  const at = new Date(`${spec.day}T09:00:00+08:00`);
  const gridId = spec.gridId ?? 'grid-a1';
  const state = spec.state ?? 'rated';
  const event = (n: number, type: string, to: string, extra: Record<string, unknown> = {}) => ({ _id: `${spec.id}-v${n}`, caseId: spec.id, type, to, by: n === 1 ? 'user-resident-1' : spec.ownerId, at: new Date(at.getTime() + n * 3600_000), photos: [], ...extra });
  const timeline = [event(1, 'report', 'reported'), event(2, 'accept', 'accepted')];
  if (spec.late) timeline.push(event(timeline.length + 1, 'escalate', 'accepted', { level: 'community', deadlineKey: `answer@${at.getTime()}` }));
  if (spec.rating) timeline.push(event(timeline.length + 1, 'rate', 'rated', { rating: spec.rating }));
  return caseRecordSchema.parse({
    _id: spec.id,
    version: timeline.length,
    state,
    caseClass: 'routine',
    categoryId: 'rubbish',
    categoryLabel: '垃圾清运',
    streetId: 'street-demo',
    communityId: 'community-a',
    gridId,
    reporterId: 'user-resident-1',
    reporterName: '徐大爷',
    ownerId: spec.ownerId,
    reworkCount: 0,
    ...(spec.rating ? { rating: spec.rating } : {}),
    ...(spec.supervised ? { supervision: { by: 'user-street', dueAt: new Date(at.getTime() + 86400_000), note: '督办', level: 'street' } } : {}),
    stageStartedAt: at,
    createdAt: at,
    updatedAt: at,
    description: '小区东门垃圾桶满溢',
    photos: [],
    location: { address: '肥东路 12 号' },
    anonymous: false,
    timeline,
  });
}

export async function insertCases(db: CloudBaseDb, specs: StoredCaseSpec[]): Promise<void> {
  await db.collection('cases').add(specs.map(storedCase));
}

/** An ended one-hour patrol of `gridId` by `workerId` on a China day, as the patrol function stores it. */
export function storedPatrol(workerId: string, gridId: string, day: string) {
  const startedAt = new Date(`${day}T09:00:00+08:00`);
  return patrolRecordSchema.parse({
    _id: `patrol-${workerId}-${day}`,
    streetId: 'street-demo',
    communityId: 'community-a',
    gridId,
    gridName: gridId,
    workerId,
    workerName: workerId,
    state: 'ended',
    requestId: `patrol-${workerId}-${day}`,
    startedAt,
    endedAt: new Date(startedAt.getTime() + 3600_000),
    endCause: 'worker',
    minutes: 60,
    track: [],
    pointCount: 0,
    batchIds: [],
    checkIns: [],
    findings: [],
    pendingSamples: 0,
    trackPurgeAt: new Date(startedAt.getTime() + 90 * 86400_000),
    version: 2,
    createdAt: startedAt,
    updatedAt: startedAt,
  });
}

/** November 2026's working days (Mon–Fri; no holidays fall in it). */
export const NOVEMBER_WORKING_DAYS = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`).filter((d) => {
  const weekday = new Date(`${d}T12:00:00+08:00`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
});

export async function insertPatrols(db: CloudBaseDb, workerId: string, gridId: string, days: readonly string[]): Promise<void> {
  if (days.length) await db.collection('patrols').add(days.map((d) => storedPatrol(workerId, gridId, d)));
}
