import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { contractCaller, type ContractCall } from './contract-call';
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

/**
 * Real, decodable pictures (the functions decode uploads, issue 10 item 6): a small JPEG (jpeg-js) and
 * PNG (pngjs); `shade` makes different pictures (different bytes, different storage paths).
 */
export const jpegBytes = (shade = 7): Buffer => {
  const width = 16;
  const height = 12;
  const data = Buffer.alloc(width * height * 4, shade);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
};
export const pngBytes = (shade = 9): Buffer => {
  const png = new PNG({ width: 16, height: 12 });
  png.data.fill(shade);
  return PNG.sync.write(png);
};
/** A JPEG header and filler of `size` bytes: for size checks, which come before decoding. */
export const oversizedJpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);
/** The review's file: a JPEG header followed by an HTML page. */
export const jpegHeaderThenHtml = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.from('<html><script>alert(document.cookie)</script></html>'), Buffer.from([0xff, 0xd9])]);
export const photoOf = (personId: string, bytes: Buffer, mimeType = 'image/jpeg') => ({ personId, mimeType, dataBase64: bytes.toString('base64') });

export type OrgCall = ContractCall<'org'>;

/** Signs in as a seeded user (e.g. 'user-officer-a1') and calls `org` actions as them through the gateway. */
export const signedInAs = (baseUrl: string, userId: string): Promise<OrgCall> => contractCaller(baseUrl, 'org', userId);

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

/** A stored document as the SDK reads it (any collection): its fields are the test's to assert, e.g. with toMatchObject. */
export type StoredDoc = { _id: string } & Record<string, unknown>;

export async function readDoc(db: CloudBaseDb, collection: string, id: string): Promise<StoredDoc | undefined> {
  return (await db.collection(collection).doc(id).get()).data[0];
}
