import { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import {
  buildingRecordSchema,
  communityRecordSchema,
  gridRecordSchema,
  personRecordSchema,
  streetRecordSchema,
} from '../../src/domain/org/records';
import type { Invocation } from '../_lib';

/**
 * Loading stored org records by id, parsed by their record schema so that a malformed document fails
 * here and never reaches a scope check half-read. Every action loads its target with these before
 * deciding anything: scope comes from the stored record, never from ids in the payload.
 */

const SCHEMAS = {
  streets: { schema: streetRecordSchema, label: '街道' },
  communities: { schema: communityRecordSchema, label: '社区' },
  grids: { schema: gridRecordSchema, label: '网格' },
  persons: { schema: personRecordSchema, label: '人员' },
  buildings: { schema: buildingRecordSchema, label: '楼栋' },
} as const;
export type OrgCollection = keyof typeof SCHEMAS;
export type RecordOf<C extends OrgCollection> = z.infer<(typeof SCHEMAS)[C]['schema']>;

export async function findRecord<C extends OrgCollection>(call: Invocation, collection: C, id: string): Promise<RecordOf<C> | null> {
  const { data } = await call.db.collection(collection).where({ _id: id }).limit(1).get();
  if (!data.length) return null;
  return SCHEMAS[collection].schema.parse(data[0]) as RecordOf<C>;
}

export async function loadRecord<C extends OrgCollection>(call: Invocation, collection: C, id: string): Promise<RecordOf<C>> {
  const found = await findRecord(call, collection, id);
  if (!found) throw new DomainError('NOT_FOUND', `${SCHEMAS[collection].label}不存在或已被删除`);
  return found;
}

/** Every record of a collection matching `where`; org collections are small per street (tens to hundreds). */
export async function listRecords<C extends OrgCollection>(call: Invocation, collection: C, where: Record<string, unknown>): Promise<Array<RecordOf<C>>> {
  const { data } = await call.db.collection(collection).where(where).limit(1000).get();
  return data.map((doc: unknown) => SCHEMAS[collection].schema.parse(doc) as RecordOf<C>);
}
