import * as z from 'zod';

/**
 * The audit trail (issue 10 item 8): every staff write of personal data — people, phones, photos, grid
 * duties, and later the household register — appends one entry: who, when, what, and a hash of the
 * personal fields before and after (the values themselves are not copied, so the trail does not become
 * a second store of phone numbers). Append-only: functions only insert; street admins read and export.
 */
export const AUDITED_ACTIONS = [
  'org.savePerson',
  'org.uploadPersonPhoto',
  'org.setGridMembers',
  // `stats.exportLedger`: a 台账 of cases left the system (issue 16 item 6) — who took which scope and period.
  'stats.exportLedger',
  // The household register (issue 15): writes, and READS of special-group data, full ID numbers and exports.
  'register.savePerson',
  'register.setCareFlags',
  'register.movePerson',
  // A drafted change confirmed and applied (a person added or leaving, a tenancy, care groups): issue 15 item 5.
  'register.confirmChange',
  'register.readCareGroups',
  'register.revealIdentity',
  'register.export',
  'register.import',
  'register.purge',
] as const;
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

export const AUDITED_ACTION_LABELS: Record<AuditedAction, string> = {
  'org.savePerson': '修改人员信息',
  'org.uploadPersonPhoto': '更换人员照片',
  'org.setGridMembers': '调整网格人员',
  'stats.exportLedger': '导出台账',
  'register.savePerson': '登记或修改户籍人员',
  'register.setCareFlags': '变更特殊群体标记',
  'register.movePerson': '人员迁入迁出',
  'register.confirmChange': '确认户况变动',
  'register.readCareGroups': '查看特殊群体信息',
  'register.revealIdentity': '查看完整证件号码',
  'register.export': '导出户况',
  'register.import': '导入户况',
  'register.purge': '删除保留期满人员',
};

const date = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

export const auditRecordSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  at: date,
  by: z.object({ userId: z.string(), name: z.string() }),
  action: z.enum(AUDITED_ACTIONS),
  target: z.object({ collection: z.string(), id: z.string(), label: z.string() }),
  /** Names of the personal fields that changed (e.g. phone, photoFileId, members). */
  fields: z.array(z.string()),
  /** sha256 of the personal fields before (empty string: the record did not exist) and after. */
  beforeHash: z.string(),
  afterHash: z.string(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditEntrySchema = z.object({
  auditId: z.string(),
  at: z.string(),
  byName: z.string(),
  byUserId: z.string(),
  action: z.enum(AUDITED_ACTIONS),
  actionLabel: z.string(),
  targetLabel: z.string(),
  targetId: z.string(),
  fields: z.array(z.string()),
  beforeHash: z.string(),
  afterHash: z.string(),
});

export const auditApi = {
  /** Street admins: the street's audit trail, newest first, a page at a time. */
  auditLog: {
    input: z
      .object({
        after: z.string().max(500).optional().describe('翻页位置'),
        limit: z.number().int().min(1).max(100).default(50).describe('每页条数'),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema), next: z.string().nullable() }),
  },
  /** Street admins: the whole trail as an Excel file (temporary URL). */
  exportAudit: {
    input: z.object({}).strict(),
    output: z.object({ url: z.string(), fileId: z.string(), rows: z.number() }),
  },
} as const;

/** The personal fields an entry names, as a street admin reads them (a care group by its default label). */
const AUDIT_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '电话',
  phoneTailKey: '电话',
  phoneMasked: '电话（已遮挡）',
  duties: '职责',
  title: '职务',
  photoFileId: '照片',
  members: '网格人员',
  birthDate: '出生日期',
  relation: '与户主关系',
  job: '职业',
  skills: '特长',
  partyMember: '党员',
  idKey: '证件号码',
  idNumber: '完整证件号码',
  idNumberMasked: '证件号码（已遮挡）',
  careFlags: '特殊群体标记',
  householdId: '所在户',
  status: '居住状态',
  address: '住址',
  households: '户数',
  people: '人数',
  kind: '台账类型',
  scope: '范围',
  from: '起始日期',
  to: '截止日期',
  rows: '行数',
};

/** "电话、照片": each field once, in Chinese; a name this table does not know reads 其他信息, never the code name. */
export function auditFieldsText(fields: readonly string[], careGroupLabels: Readonly<Record<string, string>>): string {
  const labels = fields.map((f) => AUDIT_FIELD_LABELS[f] ?? careGroupLabels[f] ?? '其他信息');
  return [...new Set(labels)].join('、');
}
