import { callFunction, loginAs, type HttpAnswer } from '../integration/function-cloud';
import type { CloudBaseDb } from './local-cloud-harness';

/**
 * Test data for the `org` function: valid payloads for every action (each test changes only what its
 * story is about), a caller bound to a demo user, and a snapshot of the org collections for
 * "nothing changed" checks.
 */

export const ORG_COLLECTIONS = ['streets', 'communities', 'grids', 'buildings', 'persons', 'users'] as const;

let sequence = 0;
/** A fresh client requestId (8–64 of [A-Za-z0-9_-]). */
export const newRequestId = (label = 'req') => `${label}-${Date.now().toString(36)}-${(sequence++).toString(36).padStart(4, '0')}`;

export const aCommunity = (over: Record<string, unknown> = {}) => ({ requestId: newRequestId('community'), name: '庐江路社区', letter: 'D', ...over });

export const aGrid = (over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('grid'),
  communityId: 'community-a',
  code: 'A4',
  name: '肥东路社区四号网格',
  households: 300,
  population: 800,
  boundary: '肥东路西段',
  ...over,
});

export const aPerson = (over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('person'),
  name: '钱进',
  phone: '13905519999',
  duties: '协助巡查',
  ...over,
});

export const gridInfo = (gridId: string, over: Record<string, unknown> = {}) => ({
  gridId,
  expectedVersion: 1,
  households: 500,
  population: 1300,
  boundary: '新的四至范围',
  ...over,
});

/** A tiny but real JPEG / PNG header followed by filler: the function checks the leading bytes. */
export const jpegBytes = (size = 64) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);
export const pngBytes = (size = 64) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8, 9)]);
export const photoOf = (personId: string, bytes: Buffer, mimeType = 'image/jpeg') => ({ personId, mimeType, dataBase64: bytes.toString('base64') });

export type OrgCall = (action: string, data: unknown) => Promise<HttpAnswer['body']>;

/** Signs in as a seeded user (e.g. 'user-officer-a1') and calls `org` actions as them through the gateway. */
export async function signedInAs(baseUrl: string, userId: string): Promise<OrgCall> {
  const cookie = await loginAs(baseUrl, userId);
  return async (action, data) => (await callFunction(baseUrl, 'org', action, data, cookie)).body;
}

/** Every document of the org collections, for comparing the database before and after a refused call. */
export async function snapshotOrg(db: CloudBaseDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    ORG_COLLECTIONS.map(async (name) => {
      const { data } = await db.collection(name).limit(1000).get().catch(() => ({ data: [] as unknown[] }));
      const sorted = [...data].sort((a: any, b: any) => String(a._id).localeCompare(String(b._id)));
      return [name, sorted] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export async function readDoc(db: CloudBaseDb, collection: string, id: string): Promise<any> {
  return (await db.collection(collection).doc(id).get()).data[0];
}
