import { ObjectId } from 'bson';

/** What `_id` may hold: MongoDB also allows other types, CloudBase's SDK sends these three. */
export type DocumentId = string | number | ObjectId;

export function isDocumentId(value: unknown): value is DocumentId {
  return typeof value === 'string' || typeof value === 'number' || value instanceof ObjectId;
}

/**
 * The store's unique `id` column: strings and numbers as themselves, an ObjectId as its 12 bytes (a
 * BLOB), so ObjectId('ab…') and the string 'ab…' stay different ids, as in MongoDB.
 */
export function storedIdKey(id: DocumentId): string | number | Buffer {
  return id instanceof ObjectId ? Buffer.from(id.id) : id;
}

/**
 * The id as transaction bookkeeping keys it (string | number): an ObjectId, or its BLOB key read back
 * from the store, becomes its hex string. At worst that makes an ObjectId and the equal hex string
 * conflict with each other in a transaction, never miss a conflict.
 */
export function plainIdKey(id: DocumentId | Buffer): string | number {
  if (id instanceof ObjectId) return id.toHexString();
  if (Buffer.isBuffer(id)) return id.toString('hex');
  return id;
}
