import type { ActionOutput, FunctionName } from '../../src/domain/api';
import { contractCaller, type ContractAnswer, type ContractCall } from './contract-call';
import { patrolRecordSchema, type PatrolRecord } from '../../src/domain/patrol/records';
import type { CloudBaseDb } from './local-cloud-harness';
import { jpegBytes, newRequestId } from './org-builders';

/** Test data for the `patrol` function: a signed-in caller, sampled points, buildings, photos. */
export type PatrolCall = ContractCall<'patrol'>;

export const callerOf = <F extends FunctionName>(baseUrl: string, fn: F, userId: string): Promise<ContractCall<F>> => contractCaller(baseUrl, fn, userId);

export const patrolAs = (baseUrl: string, userId: string) => callerOf(baseUrl, 'patrol', userId);

/** Demo users (scripts/seed/demo-data.ts): officer of A1, officer of A2, chief of community A, … */
export const OFFICER_A1 = 'user-officer-a1';
export const OFFICER_A2 = 'user-officer-a2';
export const CHIEF_A = 'user-chief-a';
export const CHIEF_B = 'user-chief-b';
export const COMMUNITY_A = 'user-community-a';
export const STREET = 'user-street';
export const RESIDENT = 'user-resident-1';

/**
 * A walk sampled every `everySeconds` from `from` for `minutes`, moving ~1 m/s north-east: what a phone
 * with a fast location callback would hand over.
 */
export function walk(from: number, minutes: number, everySeconds: number): Array<{ at: string; lat: number; lng: number; acc: number }> {
  const points = [];
  for (let s = 0; s <= minutes * 60; s += everySeconds) points.push({ at: new Date(from + s * 1000).toISOString(), lat: 31.86 + s * 0.000009, lng: 117.28 + s * 0.000009, acc: 15 });
  return points;
}

/** Sends `points` in batches of `size`, each with its own request id; returns the answers. */
export async function sendInBatches(call: PatrolCall, patrolId: string, points: unknown[], size: number): Promise<Array<ContractAnswer<ActionOutput<'patrol', 'appendPoints'>>>> {
  const answers = [];
  for (let i = 0; i < points.length; i += size) answers.push(await call('appendPoints', { patrolId, requestId: newRequestId('pts'), points: points.slice(i, i + size) }));
  return answers;
}

/** A building of `gridId`, saved by the community's staff through `org.saveBuilding`; returns its id. */
export async function aBuilding(baseUrl: string, gridId: string, name: string): Promise<string> {
  const org = await callerOf(baseUrl, 'org', COMMUNITY_A);
  const answer = await org('saveBuilding', { requestId: newRequestId('bld'), gridId, name, kind: 'building' });
  if (!answer.ok) throw new Error(`saveBuilding failed: ${JSON.stringify(answer)}`);
  return answer.data.id;
}

/** Uploads a distinct JPEG as the caller (through case.uploadPhoto) and returns its file id. */
export async function photoBy(baseUrl: string, userId: string, shade: number): Promise<string> {
  const cases = await callerOf(baseUrl, 'case', userId);
  const answer = await cases('uploadPhoto', { mimeType: 'image/jpeg', dataBase64: jpegBytes(shade).toString('base64') });
  if (!answer.ok) throw new Error(`upload failed: ${JSON.stringify(answer)}`);
  return answer.data.fileId;
}

/** Sets the street's patrol rules as its administrator would store them (`configs/patrol-<street>`). */
export async function setPatrolRules(db: CloudBaseDb, streetId: string, rules: Record<string, { value: number; reason: string }>): Promise<void> {
  await db.collection('configs').doc(`patrol-${streetId}`).set({ kind: 'patrol', streetId, rules, version: 1 });
}

/** The stored patrol, parsed by its record schema: a patrol missing or half-written fails the test here. */
export async function patrolDoc(db: CloudBaseDb, patrolId: string): Promise<PatrolRecord> {
  return patrolRecordSchema.parse((await db.collection('patrols').doc(patrolId).get()).data[0]);
}

export async function patrolCount(db: CloudBaseDb): Promise<number> {
  return (await db.collection('patrols').count()).total;
}
