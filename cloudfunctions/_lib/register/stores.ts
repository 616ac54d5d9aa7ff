import { createHash } from 'node:crypto';
import * as z from 'zod';
import { buildingRecordSchema, gridRecordSchema } from '../../../src/domain/org/records';
import {
  changeRecordSchema,
  householdRecordSchema,
  REGISTER_COLLECTIONS,
  registerRulesSchema,
  residentRecordSchema,
  tenancyRecordSchema,
  type RegisterRules,
} from '../../../src/domain/register';
import type { Database } from '../app';
import { collectionOf } from '../records';

/** The register's collections through the one accessor (cloudfunctions/_lib/records.ts). */
export function registerStores(db: Database) {
  return {
    households: collectionOf(db, REGISTER_COLLECTIONS.households, householdRecordSchema),
    residents: collectionOf(db, REGISTER_COLLECTIONS.residents, residentRecordSchema),
    tenancies: collectionOf(db, REGISTER_COLLECTIONS.tenancies, tenancyRecordSchema),
    changes: collectionOf(db, REGISTER_COLLECTIONS.changes, changeRecordSchema),
    grids: collectionOf(db, 'grids', gridRecordSchema),
    buildings: collectionOf(db, 'buildings', buildingRecordSchema),
  };
}
export type RegisterStores = ReturnType<typeof registerStores>;

/** A record id derived from the client's request id, scoped by street (a retry writes the same id). */
export function idFromRequest(prefix: string, streetId: string, requestId: string): string {
  return `${prefix}-${createHash('sha256').update(`${streetId}:${requestId}`).digest('hex').slice(0, 20)}`;
}

const registerConfigSchema = z.object({ _id: z.string(), version: z.number().int().nonnegative(), rules: z.unknown().optional() }).passthrough();
export const registerConfigId = (streetId: string) => `register-${streetId}`;

/** The street's register rules (`configs/register-<street>`), defaults where the street set nothing. */
export async function loadRegisterRules(db: Database, streetId: string): Promise<{ rules: RegisterRules; version: number }> {
  const doc = await collectionOf(db, 'configs', registerConfigSchema).load(registerConfigId(streetId));
  return { rules: registerRulesSchema.parse(doc?.rules ?? {}), version: doc?.version ?? 0 };
}
