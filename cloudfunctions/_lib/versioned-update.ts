import { DomainError } from '../../src/domain/errors';
import type { Database } from './app';

/**
 * Updates one document only if nobody changed it since it was read (ARCHITECTURE §4): the write is
 * conditional on `version`, which it increments. Two concurrent handlers or timer runs cannot both win.
 */
export async function updateVersioned(
  db: Database,
  collection: string,
  doc: { _id: string; version: number },
  patch: Record<string, unknown>,
): Promise<number> {
  const result = await db
    .collection(collection)
    .where({ _id: doc._id, version: doc.version })
    .update({ ...patch, version: doc.version + 1 });
  if (!result.updated) throw new DomainError('CONFLICT', '数据已被其他操作修改，请刷新后重试');
  return doc.version + 1;
}
