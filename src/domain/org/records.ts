import * as z from 'zod';
import { GRID_CODE_SCHEMES, GRID_TYPES } from './grid-code';
import { phoneSchema } from './phone';

/** Stored records of the organisation (PRODUCT.md §2). One schema per collection; types are inferred. */

const id = z.string().min(1);
const stamps = { version: z.number().int().nonnegative(), createdAt: z.date(), updatedAt: z.date() };

export const streetRecordSchema = z.object({
  _id: id,
  name: z.string().min(1).max(40),
  district: z.string().max(40),
  gridCodeScheme: z.enum(GRID_CODE_SCHEMES),
  /** People on duty for the whole street, shown on every board of the street ("上下级网格联系人", 000 L81). */
  dutyPersonIds: z.array(id),
  ...stamps,
});
export type StreetRecord = z.infer<typeof streetRecordSchema>;

export const communityRecordSchema = z.object({
  _id: id,
  streetId: id,
  name: z.string().min(1).max(40),
  /** letter scheme: the community's capital letter (A 肥东路, 000 L6). */
  letter: z.string().regex(/^[A-Z]$/).optional(),
  /** six_digit scheme: the 3 village digits (004 L364). */
  villageCode: z.string().regex(/^\d{3}$/).optional(),
  dutyPersonIds: z.array(id),
  enabled: z.boolean(),
  ...stamps,
});
export type CommunityRecord = z.infer<typeof communityRecordSchema>;

/** The named people of a grid (PRODUCT.md §2). */
export const GRID_MEMBER_ROLES = ['grid_chief', 'grid_officer', 'assistant', 'building_head', 'unit_head'] as const;
export type GridMemberRole = (typeof GRID_MEMBER_ROLES)[number];
export const GRID_MEMBER_ROLE_LABELS: Record<GridMemberRole, string> = {
  grid_chief: '网格长',
  grid_officer: '网格员',
  assistant: '信息协管员',
  building_head: '楼栋长',
  unit_head: '单元长',
};
export const EMPLOYMENTS = ['full_time', 'part_time'] as const;
export const EMPLOYMENT_LABELS: Record<(typeof EMPLOYMENTS)[number], string> = { full_time: '专职', part_time: '兼职' };

export const gridMemberSchema = z.object({
  personId: id,
  role: z.enum(GRID_MEMBER_ROLES),
  employment: z.enum(EMPLOYMENTS).optional(),
  /** AB岗: the officer from a neighbouring grid who covers this one (001 L151). */
  coverPersonId: id.optional(),
  buildingId: id.optional(),
});
export type GridMember = z.infer<typeof gridMemberSchema>;

export const gridRecordSchema = z.object({
  _id: id,
  streetId: id,
  communityId: id,
  code: z.string().min(1).max(12),
  name: z.string().min(1).max(40),
  type: z.enum(GRID_TYPES),
  households: z.number().int().nonnegative(),
  population: z.number().int().nonnegative(),
  boundary: z.string().max(300),
  enabled: z.boolean(),
  members: z.array(gridMemberSchema),
  /**
   * Denormalised from the community and street so the board costs two reads (grid, then people):
   * kept in step by the actions that change a community or street.
   */
  communityName: z.string(),
  upperDuty: z.object({ community: z.array(id), street: z.array(id) }),
  /**
   * Counts from the household register (issue 15 item 1), kept by the `register` function: when present
   * they replace the typed-in `households` / `population` on the board.
   */
  registerCounts: z
    .object({ households: z.number().int().nonnegative(), population: z.number().int().nonnegative(), countedAt: z.union([z.date(), z.string()]).transform((v) => new Date(v)) })
    .optional(),
  ...stamps,
});
export type GridRecord = z.infer<typeof gridRecordSchema>;

export const personRecordSchema = z.object({
  _id: id,
  streetId: id,
  name: z.string().min(1).max(20),
  phone: phoneSchema,
  /** cloud storage file id of the photo */
  photoFileId: z.string().optional(),
  /** title shown for community/street duty people, e.g. 社区值班电话 */
  title: z.string().max(30).optional(),
  duties: z.string().max(300),
  /** the `users` record when the person also signs in (officers do; a building head may not) */
  userId: id.optional(),
  ...stamps,
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

/**
 * `departments/<id>`: a street's 职能部门 (科室), assessed by 002 L51–56's table. The responsible person reads
 * the department's published sheets; every listed person (responsible included) is kept from scoring it
 * (002 L135 回避). People are `persons` of the same street; those who sign in carry a `userId`.
 */
export const departmentRecordSchema = z.object({
  _id: id,
  streetId: id,
  name: z.string().min(1).max(40),
  responsiblePersonId: id,
  memberPersonIds: z.array(id).max(100),
  /** A deactivated department keeps its history (published sheets) but is no longer a subject of new runs. */
  enabled: z.boolean(),
  ...stamps,
});
export type DepartmentRecord = z.infer<typeof departmentRecordSchema>;

export const buildingRecordSchema = z.object({
  _id: id,
  streetId: id,
  communityId: id,
  gridId: id,
  name: z.string().min(1).max(30),
  kind: z.enum(['building', 'unit']),
  ...stamps,
});
export type BuildingRecord = z.infer<typeof buildingRecordSchema>;

/** `users` is stored by the org context too: its schema lives beside the roles in `src/domain/user.ts`. */
export { userRecordSchema, type UserRecord } from '../user';
