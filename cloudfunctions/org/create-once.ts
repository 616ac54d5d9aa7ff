import { createHash } from 'node:crypto';
import { DomainError } from '../../src/domain/errors';
import type { Invocation } from '../_lib';
import { orgCollection, type OrgCollection, type RecordOf } from './records';

/**
 * Idempotent creates: the record's `_id` is derived from the client's requestId, so a retry or a double
 * tap writes the same `_id` and the database refuses the second add. Hashed (not the raw requestId)
 * so that a grid id stays short enough for a QR `scene` (≤ 32 characters, wxacode.getUnlimited) and
 * scoped by street so two streets cannot collide.
 */
export function deterministicId(prefix: string, streetId: string, requestId: string): string {
  return `${prefix}-${createHash('sha256').update(`${streetId}:${requestId}`).digest('hex').slice(0, 20)}`;
}

export function requireRequestId(requestId: string | undefined): string {
  if (!requestId) throw new DomainError('INVALID_INPUT', '输入有误：新建时需要请求编号', { requestId: '新建时需要请求编号' });
  return requestId;
}

export function requireExpectedVersion(expectedVersion: number | undefined): number {
  if (expectedVersion === undefined) {
    throw new DomainError('INVALID_INPUT', '输入有误：修改时需要版本号', { expectedVersion: '修改时需要版本号' });
  }
  return expectedVersion;
}

/**
 * Adds `doc` under `_id` once (the accessor's insertOnce), or — when a record with that id exists already
 * (the retry) — returns the stored one after `stillAllowed` confirms the caller may see it, so a guessed
 * requestId reveals nothing.
 */
export async function createOnce<C extends OrgCollection>(
  call: Invocation,
  collection: C,
  doc: RecordOf<C>,
  stillAllowed: (existing: RecordOf<C>) => boolean,
): Promise<{ id: string; version: number; created: boolean }> {
  const { doc: stored, created } = await orgCollection(call, collection).insertOnce(doc);
  if (!created && !stillAllowed(stored)) throw new DomainError('CONFLICT', '请求编号已被使用，请刷新后重试');
  return { id: stored._id, version: stored.version, created };
}

export const createdStamps = (now: Date) => ({ version: 1, createdAt: now, updatedAt: now });
