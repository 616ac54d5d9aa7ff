import * as z from 'zod';
import { ROLES, type Role } from '../user';

/**
 * The special groups a person may be flagged as (issue 15 item 2). The seeds name them: 六必访's
 * 困难群众, 独居老人, 残疾家庭, 流动人口, 失业人员, 重点帮扶 (003 L164); 重点关注对象 (000 L22); 低保户 and
 * 残疾人 (000 L28); 流动人口 (000 L20); 空巢老人, 残疾人, 低保家庭 … (004 L154 "1+5+N"). A street may rename,
 * add or disable groups and decide which roles see each; these are the defaults, each with its reason.
 */
export const careGroupSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, '群体编号只能用小写字母、数字和下划线'),
  label: z.string().trim().min(1, '请填写群体名称').max(12, '群体名称最多 12 字'),
  /** Roles that may see that a person belongs to the group, within their own scope. */
  visibleTo: z.array(z.enum(ROLES)).min(1, '至少要有一个角色能看到'),
  enabled: z.boolean().default(true),
  reason: z.string().trim().min(1, '请写明依据').max(200),
});
export type CareGroup = z.infer<typeof careGroupSchema>;

// The people who visit and serve the group; residents, volunteers and assistants never see any group.
const SERVING: Role[] = ['grid_officer', 'grid_chief', 'community_staff', 'street_staff', 'admin'];
const SERVING_NO_STREET: Role[] = ['grid_officer', 'grid_chief', 'community_staff', 'admin'];

export const DEFAULT_CARE_GROUPS: CareGroup[] = [
  { id: 'elderly_alone', label: '独居老人', visibleTo: SERVING, enabled: true, reason: '003 L164 六必访"独居老人"；街道统筹养老服务需要' },
  { id: 'disabled', label: '残疾人', visibleTo: SERVING, enabled: true, reason: '000 L28 "残疾人基本信息及家庭状况"；003 L164 "残疾家庭"' },
  {
    id: 'low_income',
    label: '低保/困难',
    visibleTo: SERVING_NO_STREET,
    enabled: true,
    reason: '000 L28 "低保户的姓名、住址、家庭收入基本情况"；涉及收入，街道工作人员按需由社区提供（PRODUCT.md §11 最小化）',
  },
  { id: 'unemployed', label: '失业人员', visibleTo: SERVING, enabled: true, reason: '000 L26 "居民失业和再就业的时间、技能特长"；003 L164 "失业人员"' },
  { id: 'floating', label: '流动人口', visibleTo: SERVING, enabled: true, reason: '000 L20 "流入流出人口的姓名、住所、联系方式、职业"；003 L164' },
  { id: 'key_assistance', label: '重点帮扶', visibleTo: SERVING_NO_STREET, enabled: true, reason: '003 L164 六必访"重点帮扶"' },
  {
    id: 'key_attention',
    label: '重点关注对象',
    visibleTo: ['grid_officer', 'community_staff'],
    enabled: true,
    reason: '000 L22 综治维稳"重点关注对象"；004 L61 "严禁泄露服务对象秘密"：只有本网格网格员和社区综治岗位掌握',
  },
];

export const careGroupLabel = (groups: readonly CareGroup[], id: string): string => groups.find((g) => g.id === id)?.label ?? '已停用的群体';

/** The groups of `flags` that any of `roles` may see (disabled groups are seen by nobody). */
export function visibleFlags(flags: readonly string[], groups: readonly CareGroup[], roles: readonly Role[]): string[] {
  return flags.filter((id) => {
    const group = groups.find((g) => g.id === id);
    return Boolean(group?.enabled && group.visibleTo.some((r) => roles.includes(r)));
  });
}
