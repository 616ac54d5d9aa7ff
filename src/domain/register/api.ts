import * as z from 'zod';
import { phoneSchema } from '../org/phone';
import { ROLES } from '../user';
import { careGroupSchema } from './care-groups';
import { REGISTER_DEADLINE_KINDS, registerDeadlineRuleSchema } from './deadlines';
import { confirmChangeInputSchema } from './confirm';
import { CHANGE_STATES, HANDOVER_STATES } from './records';
import { CHANGE_KINDS, CHANGE_SOURCES, JOB_STATUSES, RELATIONS, RESIDENT_STATUSES, SEXES, TENURES } from './vocabulary';

/**
 * Contract of the `register` function (issue 15). Outputs are allow-lists: an ID number or phone leaves
 * the function only masked, except from `revealPerson` (permitted roles, audited). Dates travel as ISO
 * strings; calendar dates as YYYY-MM-DD.
 */
const id = z.string().min(1).max(64);
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').describe('请求编号');
const expectedVersion = z.number().int().nonnegative().describe('数据版本');
const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 年-月-日，如 2026-10-01`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}不是有效的日期`)
    .describe(label);
const text = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 字`).describe(label);
const saved = z.object({ id: z.string(), version: z.number() });
const page = { after: z.string().max(500).optional().describe('翻页位置'), limit: z.number().int().min(1).max(100).default(30).describe('每页条数') };

// ---------- households and people ----------

export const householdInputSchema = z
  .object({
    requestId: requestId.optional(),
    householdId: id.optional().describe('户'),
    expectedVersion: expectedVersion.optional(),
    gridId: id.describe('网格'),
    buildingName: text('楼栋', 30).default(''),
    unit: text('单元', 10).default(''),
    room: text('门牌号', 10).default(''),
    address: text('地址', 100).min(1, '请填写地址'),
    tenure: z.enum(TENURES, { error: '请选择自住、出租或空置' }).describe('居住类型'),
    note: text('备注', 200).default(''),
  })
  .strict();

export const personInputSchema = z
  .object({
    requestId: requestId.optional(),
    residentId: id.optional().describe('人员'),
    expectedVersion: expectedVersion.optional(),
    householdId: id.describe('户'),
    name: text('姓名', 20).min(1, '请填写姓名'),
    /** Optional for a newborn without a number yet; then sex and birth date are required. */
    idNumber: z.string().trim().max(30).optional().describe('身份证号'),
    sex: z.enum(SEXES).optional().describe('性别'),
    birthDate: isoDate('出生日期').optional(),
    phone: phoneSchema.optional(),
    relation: z.enum(RELATIONS, { error: '请选择与户主关系' }).describe('与户主关系'),
    partyMember: z.boolean().default(false).describe('党员'),
    job: z.enum(JOB_STATUSES, { error: '请选择就业状况' }).describe('就业状况'),
    skills: text('技能特长', 100).default(''),
    /** For a new person: why they appear (a change record with its deadline is made). */
    arrival: z.enum(['move_in', 'new_arrival', 'birth', 'existing']).default('existing').describe('登记原因'),
    occurredOn: isoDate('发生日期').optional(),
  })
  .strict();

export const careFlagsInputSchema = z
  .object({ residentId: id.describe('人员'), expectedVersion, flags: z.array(z.string().min(1).max(32)).max(20).describe('特殊群体'), occurredOn: isoDate('发生日期') })
  .strict();

export const moveInputSchema = z
  .object({
    residentId: id.describe('人员'),
    expectedVersion,
    occurredOn: isoDate('发生日期'),
    /** Another household of the register, or away (迁出) / deceased (死亡). */
    to: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('household'), householdId: id.describe('迁入户'), relation: z.enum(RELATIONS).describe('与户主关系') }),
      z.object({ kind: z.literal('away') }),
      z.object({ kind: z.literal('deceased') }),
    ]),
  })
  .strict();

export const tenancyInputSchema = z
  .object({
    requestId,
    householdId: id.describe('户'),
    landlordName: text('房东姓名', 20).min(1, '请填写房东姓名'),
    landlordPhone: phoneSchema.optional(),
    tenantResidentIds: z.array(id).min(1, '请至少选择一位租户').max(20).describe('租户'),
    moveInOn: isoDate('入住日期'),
  })
  .strict();

/** The renters moved out (退租): the tenancy is kept with its move-out date; a retry with the same request id is answered as done. */
export const endTenancyInputSchema = z
  .object({ requestId, tenancyId: id.describe('租房登记'), expectedVersion, moveOutOn: isoDate('退租日期') })
  .strict();

export const renterContactInputSchema = z.object({ tenancyId: id.describe('租房登记'), expectedVersion, on: isoDate('见面日期'), note: text('见面情况', 200).default('') }).strict();

export const householdSummarySchema = z.object({
  householdId: z.string(),
  gridId: z.string(),
  buildingName: z.string(),
  unit: z.string(),
  room: z.string(),
  address: z.string(),
  tenure: z.enum(TENURES),
  tenureLabel: z.string(),
  headName: z.string().optional(),
  memberCount: z.number(),
  /** Only the groups the caller may see. */
  careLabels: z.array(z.string()),
  version: z.number(),
});

export const personViewSchema = z.object({
  residentId: z.string(),
  householdId: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  sexLabel: z.string(),
  birthDate: z.string(),
  idMasked: z.string().optional(),
  phoneMasked: z.string().optional(),
  relation: z.enum(RELATIONS),
  relationLabel: z.string(),
  partyMember: z.boolean(),
  job: z.enum(JOB_STATUSES),
  jobLabel: z.string(),
  skills: z.string(),
  careFlags: z.array(z.string()),
  careLabels: z.array(z.string()),
  status: z.enum(RESIDENT_STATUSES),
  statusLabel: z.string(),
  address: z.string().optional(),
  version: z.number(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const householdViewSchema = z.object({
  household: householdSummarySchema.extend({ note: z.string(), communityId: z.string() }),
  people: z.array(personViewSchema),
  history: z.array(z.object({ residentId: z.string(), name: z.string(), from: z.string(), to: z.string().optional(), relationLabel: z.string() })),
  tenancies: z.array(
    z.object({ tenancyId: z.string(), landlordName: z.string(), tenantNames: z.array(z.string()), moveInOn: z.string(), lastContactOn: z.string(), contactDueAt: z.string(), version: z.number() }),
  ),
  /** Tenancies that ended (退租), newest move-out first: kept as the household's rental history. */
  pastTenancies: z.array(z.object({ tenancyId: z.string(), landlordName: z.string(), tenantNames: z.array(z.string()), moveInOn: z.string(), moveOutOn: z.string() })),
  careGroups: z.array(z.object({ id: z.string(), label: z.string() })),
  canWrite: z.boolean(),
  canReveal: z.boolean(),
});

// ---------- changes, 交接单, overdue ----------

export { noticedChangeSchema, type NoticedChange } from './noticed-change';

export const changeViewSchema = z.object({
  changeId: z.string(),
  gridId: z.string(),
  /** Absent on a resident's report until the worker picks the household; then `reportedAddress` says where. */
  householdId: z.string().optional(),
  reportedAddress: z.string().optional(),
  residentId: z.string().optional(),
  kind: z.enum(CHANGE_KINDS),
  kindLabel: z.string(),
  occurredOn: z.string(),
  summary: z.string(),
  state: z.enum(CHANGE_STATES),
  source: z.enum(CHANGE_SOURCES),
  sourceLabel: z.string(),
  dueAt: z.string(),
  late: z.boolean(),
  handoverState: z.enum(HANDOVER_STATES),
  handoverDueAt: z.string(),
  acknowledgedByName: z.string().optional(),
  reply: z.string().optional(),
  version: z.number(),
});

export const OVERDUE_KINDS = ['change_unconfirmed', 'handover_unacknowledged', 'renter_contact'] as const;
export const OVERDUE_KIND_LABELS: Record<(typeof OVERDUE_KINDS)[number], string> = {
  change_unconfirmed: '变动未登记',
  handover_unacknowledged: '交接单未签收',
  renter_contact: '租房户本月未见面',
};
export const overdueItemSchema = z.object({
  kind: z.enum(OVERDUE_KINDS),
  kindLabel: z.string(),
  gridId: z.string(),
  householdId: z.string().optional(),
  targetId: z.string(),
  summary: z.string(),
  dueAt: z.string(),
});

const rulesShape = z.object({
  careGroups: z.array(careGroupSchema),
  deadlines: z.record(z.enum(REGISTER_DEADLINE_KINDS), registerDeadlineRuleSchema),
  access: z.record(z.enum(['read', 'write', 'reveal', 'export', 'handover']), z.object({ roles: z.array(z.enum(ROLES)), reason: z.string() })),
  retention: z.object({ days: z.number(), reason: z.string() }),
});

const scopeFilter = { gridId: id.optional().describe('网格'), buildingId: id.optional().describe('楼栋'), careGroup: z.string().max(32).optional().describe('特殊群体') };

export const registerApi = {
  saveHousehold: { input: householdInputSchema, output: saved },
  savePerson: { input: personInputSchema, output: saved },
  setCareFlags: { input: careFlagsInputSchema, output: saved },
  movePerson: { input: moveInputSchema, output: saved.extend({ changeId: z.string() }) },
  saveTenancy: { input: tenancyInputSchema, output: saved },
  recordRenterContact: { input: renterContactInputSchema, output: saved },
  endTenancy: { input: endTenancyInputSchema, output: saved.extend({ changeId: z.string() }) },
  households: { input: z.object({ ...scopeFilter, ...page }).strict(), output: z.object({ items: z.array(householdSummarySchema), next: z.string().nullable() }) },
  searchPeople: {
    input: z
      .object({
        by: z.enum(['name', 'phone_tail', 'id_tail', 'address']).describe('查找方式'),
        text: z.string().trim().min(1, '请输入要查找的内容').max(40).describe('查找内容'),
        gridId: id.optional().describe('网格'),
      })
      .strict(),
    output: z.object({ people: z.array(personViewSchema), truncated: z.boolean() }),
  },
  household: { input: z.object({ householdId: id.describe('户') }).strict(), output: householdViewSchema },
  revealPerson: {
    /** Why the full number is needed (e.g. 代办低保核对身份): kept in the audit trail with the read. */
    input: z.object({ residentId: id.describe('人员'), reason: text('查看原因', 50).min(2, '请写明查看完整号码的原因') }).strict(),
    output: z.object({ idNumber: z.string().optional(), phone: z.string().optional() }),
  },
  changes: {
    input: z.object({ gridId: id.optional().describe('网格'), handoverState: z.enum(HANDOVER_STATES).optional().describe('签收状态'), ...page }).strict(),
    output: z.object({ items: z.array(changeViewSchema), next: z.string().nullable() }),
  },
  /** Drafts from other work waiting for the worker of their grid, oldest deadline first. */
  drafts: {
    input: z.object({ gridId: id.optional().describe('网格'), ...page }).strict(),
    output: z.object({ items: z.array(changeViewSchema), next: z.string().nullable() }),
  },
  /** Records the draft AND applies it to the household (confirm.ts): the new person, the move, the tenancy, the groups. */
  confirmChange: { input: confirmChangeInputSchema, output: saved.extend({ residentId: z.string().optional() }) },
  dismissChange: {
    input: z.object({ changeId: id.describe('变动记录'), expectedVersion, reason: text('忽略原因', 200).default('') }).strict(),
    output: saved,
  },
  acknowledgeHandover: { input: z.object({ changeId: id.describe('交接单'), expectedVersion, reply: text('处理结果', 200).default('') }).strict(), output: saved },
  overdue: {
    input: z.object({ gridId: id.optional().describe('网格') }).strict(),
    output: z.object({ items: z.array(overdueItemSchema), truncated: z.boolean() }),
  },
  rules: { input: z.object({}).strict(), output: z.object({ streetId: z.string(), rules: rulesShape, version: z.number(), canManage: z.boolean() }) },
  saveRules: {
    input: z
      .object({
        expectedVersion,
        careGroups: z.array(careGroupSchema).max(30).describe('特殊群体'),
        deadlines: z.partialRecord(z.enum(REGISTER_DEADLINE_KINDS), registerDeadlineRuleSchema).default({}).describe('时限'),
        retentionDays: z.number().int().min(30, '保留期至少 30 天').max(3650, '保留期最多 3650 天').describe('保留天数'),
        retentionReason: text('保留期依据', 200).min(1, '请写明保留期依据'),
      })
      .strict(),
    output: z.object({ version: z.number() }),
  },
  /** Street admin: moves one batch of the street's sealed rows to the current key (key rotation, docs/privacy.md). */
  rotateKeys: {
    input: z.object({ after: z.string().max(500).optional().describe('翻页位置'), limit: z.number().int().min(1).max(200).default(100).describe('每批条数') }).strict(),
    output: z.object({ checked: z.number(), moved: z.number(), skipped: z.number(), next: z.string().nullable() }),
  },
  importHouseholds: {
    input: z.object({ gridId: id.describe('网格'), fileBase64: z.string().min(1, '请选择要导入的文件').max(4_000_000, '文件太大，请按楼栋分开导入').describe('导入文件') }).strict(),
    output: z.object({ households: z.number(), people: z.number() }),
  },
  importTemplate: { input: z.object({}).strict(), output: z.object({ url: z.string(), fileId: z.string() }) },
  /** Filters combine: a grid, a building of it (楼栋), a care group — each must lie where the caller may export. */
  exportHouseholds: { input: z.object(scopeFilter).strict(), output: z.object({ url: z.string(), fileId: z.string(), rows: z.number() }) },
  /** What the export page offers: the grids and their buildings where the caller may export, and the care groups they may see. */
  exportChoices: {
    input: z.object({}).strict(),
    output: z.object({
      grids: z.array(z.object({ gridId: z.string(), name: z.string(), buildings: z.array(z.object({ buildingId: z.string(), name: z.string() })) })),
      careGroups: z.array(z.object({ id: z.string(), label: z.string() })),
    }),
  },
} as const;
