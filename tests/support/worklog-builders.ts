import type { ContractCall } from './contract-call';
import { callFunction, loginAs } from '../integration/function-cloud';
import type { CloudBaseDb } from './local-cloud-harness';
import { newRequestId } from './org-builders';

/**
 * Test data for the `worklog` function: buildings of a demo grid (the seed has none), valid visit
 * payloads (each test changes only what its story is about) and a caller bound to a demo user.
 */
export const OFFICER_A1 = 'user-officer-a1';
export const OFFICER_A2 = 'user-officer-a2';
export const CHIEF_A = 'user-chief-a';
export const STAFF_A = 'user-community-a';
export const RESIDENT = 'user-resident-1';
export const GRID_A1 = 'grid-a1';
export const GRID_A2 = 'grid-a2';

export type WorklogCall = ContractCall<'worklog'>;

export async function worklogAs(baseUrl: string, userId: string): Promise<WorklogCall> {
  const cookie = await loginAs(baseUrl, userId);
  return async (action, data = {}) => (await callFunction(baseUrl, 'worklog', action, data, cookie)).body;
}

/** A building straight into the database, as org.saveBuilding would store it. */
export async function aBuilding(db: CloudBaseDb, gridId: string, name: string, createdAt: Date): Promise<string> {
  const communityId = `community-${gridId.slice(5, 6)}`;
  const _id = `building-${gridId}-${name}`;
  await db.collection('buildings').add({ _id, streetId: 'street-demo', communityId, gridId, name, kind: 'building', version: 1, createdAt, updatedAt: createdAt });
  return _id;
}

export const aVisit = (buildingId: string, over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('visit'),
  gridId: GRID_A1,
  kind: 'routine',
  buildingId,
  door: '502',
  notes: '了解家庭近况，老人身体尚可',
  ...over,
});

/** China wall-clock instant in epoch ms, for pinning the cloud's clock. */
export const chinaMs = (date: string, hhmm = '10:00') => Date.parse(`${date}T${hhmm}:00+08:00`);

export async function allVisits(db: CloudBaseDb): Promise<any[]> {
  return (await db.collection('visits').limit(1000).get()).data;
}
