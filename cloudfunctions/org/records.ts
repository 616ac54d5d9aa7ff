import * as z from 'zod';
import { DomainError } from '../../src/domain/errors';
import {
  buildingRecordSchema,
  communityRecordSchema,
  departmentRecordSchema,
  gridRecordSchema,
  personRecordSchema,
  streetRecordSchema,
} from '../../src/domain/org/records';
import { collectionOf, type Collection, type Invocation } from '../_lib';

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
  departments: { schema: departmentRecordSchema, label: '部门' },
} as const;
export type OrgCollection = keyof typeof SCHEMAS;
export type RecordOf<C extends OrgCollection> = z.infer<(typeof SCHEMAS)[C]['schema']>;

/** An org collection through the one records accessor (cloudfunctions/_lib/records.ts). */
export const orgCollection = <C extends OrgCollection>(call: Pick<Invocation, 'db'>, collection: C): Collection<RecordOf<C>> =>
  collectionOf(call.db, collection, SCHEMAS[collection].schema) as unknown as Collection<RecordOf<C>>;

export const findRecord = <C extends OrgCollection>(call: Invocation, collection: C, id: string): Promise<RecordOf<C> | null> => orgCollection(call, collection).load(id);

export async function loadRecord<C extends OrgCollection>(call: Invocation, collection: C, id: string): Promise<RecordOf<C>> {
  const found = await findRecord(call, collection, id);
  if (!found) throw new DomainError('NOT_FOUND', `${SCHEMAS[collection].label}不存在或已被删除`);
  return found;
}

/** Every record of a collection matching `where`; org collections are small per street (tens to hundreds), never silently cut. */
export const listRecords = <C extends OrgCollection>(call: Invocation, collection: C, where: Record<string, unknown>): Promise<Array<RecordOf<C>>> =>
  orgCollection(call, collection).all(where);
