import * as z from 'zod';

/** 走访 kinds of issue 14 item 3. */
export const VISIT_KINDS = ['routine', 'six_must', 'rental', 'new_arrival'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  routine: '日常走访',
  six_must: '六必访',
  rental: '出租房屋',
  new_arrival: '新迁入',
};

/** 六必访 groups, in the order of 003 L164. */
export const SIX_MUST_GROUPS = ['hardship', 'lone_elderly', 'disabled', 'migrant', 'unemployed', 'key_support'] as const;
export type SixMustGroup = (typeof SIX_MUST_GROUPS)[number];
export const SIX_MUST_GROUP_LABELS: Record<SixMustGroup, string> = {
  hardship: '困难群众',
  lone_elderly: '独居老人',
  disabled: '残疾家庭',
  migrant: '流动人口',
  unemployed: '失业人员',
  key_support: '重点帮扶人员',
};

/** Who went along: the AB岗 partner (001 L151) or the grid chief; or nobody. */
export const PARTNER_KINDS = ['none', 'ab', 'chief'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = { none: '独自走访', ab: 'AB岗同行', chief: '网格长同行' };

/**
 * What a visit is to: a household of the register (#15) when it holds it, else a building or unit of the
 * grid (`buildings`), with the door as typed (e.g. "3单元502"). Both ids may be set once the register
 * knows the household's building.
 */
export const visitTargetSchema = z
  .object({
    householdId: z.string().min(1).max(64).optional().describe('住户'),
    buildingId: z.string().min(1).max(64).optional().describe('楼栋/单元'),
    door: z.string().trim().max(30).default('').describe('门牌'),
  })
  .refine((t) => t.householdId !== undefined || t.buildingId !== undefined, { message: '请选择走访的住户或楼栋', path: ['buildingId'] });
export type VisitTargetInput = z.infer<typeof visitTargetSchema>;

/**
 * The key a rule counts a target by: the household when known, else the building and door (the same
 * door of the same building is the same home until the register gives it an id).
 */
export function targetKeyOf(t: { householdId?: string; buildingId?: string; door?: string }): string {
  if (t.householdId) return `household:${t.householdId}`;
  return `building:${t.buildingId ?? ''}:${(t.door ?? '').replace(/\s+/g, '')}`;
}

/**
 * Which care flag of the household register (src/domain/register/care-groups.ts) makes a household one of
 * the six groups: a household flagged so is on that group's monthly list without anyone recording it twice.
 */
export const SIX_MUST_CARE_FLAGS: Record<SixMustGroup, string> = {
  hardship: 'low_income',
  lone_elderly: 'elderly_alone',
  disabled: 'disabled',
  migrant: 'floating',
  unemployed: 'unemployed',
  key_support: 'key_assistance',
};

export const sixMustGroupsOfFlags = (flags: readonly string[]): SixMustGroup[] => SIX_MUST_GROUPS.filter((g) => flags.includes(SIX_MUST_CARE_FLAGS[g]));
