import * as z from 'zod';
import { limitWindowsSchema } from './platform/records';

/** Every role of PRODUCT.md §1. A person may hold several (一岗双责, 000 L9). */
export const ROLES = [
  'resident',
  'grid_officer',
  'grid_chief',
  'assistant',
  'volunteer',
  'community_staff',
  'street_staff',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  grid_officer: '网格员',
  grid_chief: '网格长',
  assistant: '信息协管员',
  volunteer: '志愿者',
  community_staff: '社区工作人员',
  street_staff: '街道工作人员',
  admin: '管理员',
};

/** A role held within a scope: a street, one community of it, or some grids of a community. */
export const roleGrantSchema = z.object({
  role: z.enum(ROLES),
  streetId: z.string().min(1),
  communityId: z.string().min(1).optional(),
  gridIds: z.array(z.string().min(1)).optional(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** Text size the user picked; many users are elderly. */
export const FONT_SCALES = ['standard', 'large', 'xlarge'] as const;
export const fontScaleSchema = z.enum(FONT_SCALES).describe('字号');

export const userPrefsSchema = z.object({ fontScale: fontScaleSchema });
export type UserPrefs = z.infer<typeof userPrefsSchema>;

/** The stored `users` record. `openid` is the platform identity; it never comes from a payload. */
export const userRecordSchema = z.object({
  _id: z.string(),
  openid: z.string().min(1),
  name: z.string().min(1).max(30),
  phone: z.string().optional(),
  roles: z.array(roleGrantSchema),
  prefs: userPrefsSchema,
  version: z.number().int().nonnegative(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /**
   * The rate-limit hits of the write that made this record (a first-time visitor's report): counted as
   * the caller's windows until their `rate_limits` document exists, so the first report needs no window
   * write of its own (issue 9 item 6). Never changed afterwards.
   */
  firstHits: limitWindowsSchema.optional(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;
