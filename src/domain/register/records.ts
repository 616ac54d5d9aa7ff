import * as z from 'zod';
import { CHANGE_KINDS, CHANGE_SOURCES, JOB_STATUSES, RELATIONS, RESIDENT_STATUSES, SEXES, TENURES } from './vocabulary';

/**
 * Stored records of the household register (issue 15 item 1): grid → building (org's `buildings`) →
 * unit → household → people, tenancies and the dated change records. ID numbers and phones are stored
 * only sealed (AES-GCM, `gcm1.` strings) with keyed hashes (HMAC) of what search needs — never in plain.
 */
const id = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const date = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));
const stamps = { version: z.number().int().nonnegative(), createdAt: date, updatedAt: date };
const place = { streetId: id, communityId: id, gridId: id };
/** `gcm1.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts (cloudfunctions/register/sealing.ts). */
export const sealedSchema = z.string().regex(/^gcm1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]*$/);
/** Hex HMAC-SHA256 under the register's search key. */
const keyedHash = z.string().regex(/^[0-9a-f]{64}$/);
const who = z.object({ userId: id, name: z.string() });

export const householdRecordSchema = z.object({
  _id: id,
  ...place,
  /** org's `buildings` record; the unit is text within it ("2单元"), as the 户况底册 is bound by 楼栋 (000 L36). */
  buildingId: id.optional(),
  buildingName: z.string().max(30),
  unit: z.string().max(10),
  room: z.string().max(10),
  address: z.string().min(1).max(100),
  tenure: z.enum(TENURES),
  headResidentId: id.nullable().optional(),
  /** People living here now (status active, current household). */
  memberCount: z.number().int().nonnegative(),
  /** Union of the members' care flags, so a list by group and the visits lookup cost one query. */
  careFlags: z.array(z.string()),
  note: z.string().max(200).default(''),
  ...stamps,
});
export type HouseholdRecord = z.infer<typeof householdRecordSchema>;

export const membershipSchema = z.object({ householdId: id, relation: z.enum(RELATIONS), from: isoDate, to: isoDate.optional() });
export type Membership = z.infer<typeof membershipSchema>;

/** A person of the register (org's `persons` are staff on duty boards; these are residents). */
export const residentRecordSchema = z.object({
  _id: id,
  ...place,
  /** The current household, or the last one for people who left. */
  householdId: id,
  name: z.string().min(1).max(20),
  /**
   * The name's search keys (name-keys.ts: its pieces up to 4 characters, lower-cased), indexed as a
   * multikey index so a name search reads only the people it finds. Absent on records written before
   * keys existed: the search also looks those up (nameKeys: null) and the admin's key walk fills them.
   */
  nameKeys: z.array(z.string()).max(80).optional(),
  sex: z.enum(SEXES),
  birthDate: isoDate,
  idSealed: sealedSchema.optional(),
  /** HMAC of the whole number (same person twice in a street) and of its last 4 (search). */
  idKey: keyedHash.optional(),
  idTailKey: keyedHash.optional(),
  phoneSealed: sealedSchema.optional(),
  phoneTailKey: keyedHash.optional(),
  relation: z.enum(RELATIONS),
  partyMember: z.boolean(),
  job: z.enum(JOB_STATUSES),
  skills: z.string().max(100),
  careFlags: z.array(z.string()),
  status: z.enum(RESIDENT_STATUSES),
  /** When a 流动人口 arrived (000 L20 "流入与流出时间"). */
  arrivedOn: isoDate.optional(),
  /** When they moved away or died: the retention clock starts here. */
  leftOn: isoDate.optional(),
  /** leftOn + the street's retention when they left: the reconciler deletes the record from then (docs/privacy.md). */
  purgeAt: date.optional(),
  memberships: z.array(membershipSchema),
  /**
   * The last move as applied (movePerson): which request (`key`: the version it was made at, the date and
   * the destination) and its outgoing change. A retry of that request is answered as done, not refused.
   */
  lastMove: z.object({ key: z.string(), changeId: z.string() }).optional(),
  ...stamps,
});
export type ResidentRecord = z.infer<typeof residentRecordSchema>;

export const tenancyRecordSchema = z.object({
  _id: id,
  ...place,
  householdId: id,
  landlordName: z.string().min(1).max(20),
  landlordPhoneSealed: sealedSchema.optional(),
  tenantResidentIds: z.array(id),
  moveInOn: isoDate,
  moveOutOn: isoDate.optional(),
  /** How the move-out was entered (endTenancy): its request id (a retry is answered as done) and its change record. */
  moveOut: z.object({ requestId: z.string(), changeId: z.string(), by: who, at: date }).optional(),
  /** 000 L34 "每月要与网格内租房户至少见面1次，并记录见面时间": last meeting, and when the next is due. */
  lastContactOn: isoDate,
  contactDueAt: date,
  contacts: z.array(z.object({ on: isoDate, note: z.string().max(200), by: who })).max(400),
  ...stamps,
});
export type TenancyRecord = z.infer<typeof tenancyRecordSchema>;

export const HANDOVER_STATES = ['pending', 'acknowledged'] as const;
/** A draft from other work is confirmed (recorded) or dismissed by the worker (issue 15 item 5). */
export const CHANGE_STATES = ['draft', 'recorded', 'dismissed'] as const;

/** One dated change (issue 15 item 4); its 交接单 goes to the community line owner (000 L35). */
export const changeRecordSchema = z.object({
  _id: id,
  ...place,
  /** Absent only on a draft from a resident's report, which names an address, not a household: the worker picks it when confirming. */
  householdId: id.optional(),
  /** The address as the resident wrote it (a resident never sees the register, so never names a household). */
  reportedAddress: z.string().max(100).optional(),
  residentId: id.optional(),
  kind: z.enum(CHANGE_KINDS),
  occurredOn: isoDate,
  /** What changed, in words, without any ID number or phone ("王芳 迁出"). */
  summary: z.string().max(200),
  source: z.enum(CHANGE_SOURCES),
  sourceId: id.optional(),
  state: z.enum(CHANGE_STATES),
  /** The registration deadline (5 working days, or a month for new arrivals). */
  dueAt: date,
  recordedAt: date.optional(),
  recordedBy: who.optional(),
  /** The request that confirmed a draft: its retry (or the second of two taps) is answered as done, applied once. */
  confirmRequestId: z.string().optional(),
  /** A draft the worker dismissed (the visit or case misread a change): kept, with who and why. */
  dismissedAt: date.optional(),
  dismissedBy: who.optional(),
  dismissReason: z.string().max(200).optional(),
  handover: z.object({
    state: z.enum(HANDOVER_STATES),
    dueAt: date,
    acknowledgedAt: date.optional(),
    acknowledgedBy: who.optional(),
    reply: z.string().max(200).optional(),
  }),
  ...stamps,
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

/** The street's register rules as stored in `configs` (`register-<street>`). */
export const registerConfigIdOf = (streetId: string) => `register-${streetId}`;

export const REGISTER_COLLECTIONS = { households: 'households', residents: 'residents', tenancies: 'tenancies', changes: 'register_changes' } as const;
