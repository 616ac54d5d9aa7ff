import * as z from 'zod';
import { ROLES, type Role } from '../user';
import { careGroupSchema, DEFAULT_CARE_GROUPS } from './care-groups';
import { DEFAULT_REGISTER_DEADLINES, REGISTER_DEADLINE_KINDS, registerDeadlineRuleSchema, type RegisterDeadlineKind, type RegisterDeadlineRule } from './deadlines';

/**
 * A street's register rules (STYLE 9: configuration, not conditionals), stored as the `configs`
 * document `register-<street>` and falling back to these defaults field by field. Every role list and
 * number carries its reason.
 */
const roleListSchema = z.object({ roles: z.array(z.enum(ROLES)), reason: z.string().trim().min(1, '请写明依据').max(200) });
export type RoleList = z.infer<typeof roleListSchema>;

export const DEFAULT_ACCESS = {
  /** Who sees the register at all, each within their own scope (grids / community / street). */
  read: {
    roles: ['grid_officer', 'grid_chief', 'community_staff', 'street_staff', 'admin'] as Role[],
    reason: '000 L11 网格责任人"三清"；网格长、社区、街道督查户况（000 L39）；居民、志愿者、协管员不看登记簿（PRODUCT.md §11）',
  },
  /** Who may add and change households and people. */
  write: { roles: ['grid_officer', 'grid_chief', 'community_staff'] as Role[], reason: '000 L36–37 网格责任人维护户况，社区岗位责任人处理交接单' },
  /** Who may see a full ID number and phone (each such read is audited). */
  reveal: {
    roles: ['grid_officer', 'community_staff'] as Role[],
    reason: '代办社保、低保等事项时需核对完整证件号（000 L10）；004 L61 "严禁泄露服务对象秘密"：其他角色只见脱敏号码',
  },
  /** Who may export to Excel (each export is audited). */
  export: { roles: ['community_staff', 'admin'] as Role[], reason: '户况底册由社区装订成册（000 L36）；网格员不导出，防止名册外流（004 L61）' },
  /** Who receives and acknowledges 交接单. */
  handover: { roles: ['community_staff'] as Role[], reason: '000 L35 "及时将信息反馈给社区负责该项工作的岗位责任人"' },
} satisfies Record<string, RoleList>;
export type RegisterAccessKind = keyof typeof DEFAULT_ACCESS;

export const DEFAULT_RETENTION = {
  days: 365,
  reason: '无来源数字：迁出、死亡人员的信息保留一年以备核查（户况变动表另装成册，000 L36），期满删除（个人信息保护法第四十七条）',
};

/**
 * Which case categories feed the register (issue 15 item 5): a case of one of these, filed by the grid's
 * worker naming a household, drafts a change for them to confirm. A street that files 出租房屋 under its
 * own category adds it here.
 */
export const DEFAULT_DRAFT_CATEGORIES = {
  categoryIds: ['population_change'],
  reason: '000 L34 人口、房屋变动须在5个工作日内登记；003 L164 八必报“居民房屋出租”“外来人员就业”归入人口房屋变动',
};

export const registerRulesSchema = z.object({
  careGroups: z.array(careGroupSchema).max(30).default(DEFAULT_CARE_GROUPS),
  deadlines: z
    .partialRecord(z.enum(REGISTER_DEADLINE_KINDS), registerDeadlineRuleSchema)
    .default(DEFAULT_REGISTER_DEADLINES)
    .transform((d): Record<RegisterDeadlineKind, RegisterDeadlineRule> => ({ ...DEFAULT_REGISTER_DEADLINES, ...d })),
  access: z
    .object({ read: roleListSchema, write: roleListSchema, reveal: roleListSchema, export: roleListSchema, handover: roleListSchema })
    .partial()
    .default(DEFAULT_ACCESS)
    .transform((a): Record<RegisterAccessKind, RoleList> => ({ ...DEFAULT_ACCESS, ...a })),
  retention: z
    .object({ days: z.number().int().min(30, '保留期至少 30 天').max(3650, '保留期最多 3650 天'), reason: z.string().trim().min(1).max(200) })
    .default(DEFAULT_RETENTION),
  draftCategories: z
    .object({ categoryIds: z.array(z.string().min(1).max(40)).max(20), reason: z.string().trim().min(1).max(200) })
    .default(DEFAULT_DRAFT_CATEGORIES),
});
export type RegisterRules = z.infer<typeof registerRulesSchema>;
export const DEFAULT_REGISTER_RULES: RegisterRules = registerRulesSchema.parse({});
