import * as z from 'zod';
import { phoneSchema } from '../org/phone';
import { CHANGE_KINDS, JOB_STATUSES, RELATIONS, SEXES, type ChangeKind } from './vocabulary';

/**
 * Confirming a drafted change (issue 15 item 5) applies it to the household, in the same transaction as
 * the change record and its 交接单: what it applies is decided by the kind of change (an exhaustive table,
 * so a new kind makes the compiler ask what confirming it does).
 */
export const CHANGE_APPLICATIONS = ['add_person', 'person_leaves', 'tenancy', 'care_flags', 'record_only'] as const;
export type ChangeApplication = (typeof CHANGE_APPLICATIONS)[number];

export const CHANGE_APPLICATION: Record<ChangeKind, { apply: ChangeApplication; reason: string }> = {
  move_in: { apply: 'add_person', reason: '迁入：新成员登记到这一户（000 L37 "变动情况当天录入"）' },
  new_arrival: { apply: 'add_person', reason: '新流入人员：登记到这一户并记流入时间（000 L20）' },
  birth: { apply: 'add_person', reason: '出生：新生儿登记到这一户，可暂无身份证号' },
  new_tenant: { apply: 'tenancy', reason: '新租户：登记租户和房东，这一户改为出租，每月见面（000 L34）' },
  // A draft does not say which tenancy ended (a visit or report names the household): confirming records the
  // change; the worker ends the tenancy itself on the 租房登记 page (register.endTenancy, 登记退租).
  tenancy_end: { apply: 'record_only', reason: '退租：登记变动记录；在“租房登记”中点“登记退租”结束对应的租房登记' },
  move_out: { apply: 'person_leaves', reason: '迁出：与"迁移"相同，关闭此人在本户的记录并保留历史' },
  death: { apply: 'person_leaves', reason: '死亡：与"迁移"相同，标记死亡并开始保留期' },
  flag_change: { apply: 'care_flags', reason: '特殊群体变更：按您有权标记的群体更新此人和这一户的标记' },
  info_change: { apply: 'record_only', reason: '信息变更：只登记变动记录，具体信息在户详情中修改' },
};

/** What each application needs the worker to give when the draft does not already say it (the form shows these). */
export const APPLICATION_NEEDS: Record<ChangeApplication, readonly ('person' | 'residentId' | 'landlordName' | 'flags')[]> = {
  add_person: ['person'],
  person_leaves: ['residentId'],
  tenancy: ['person', 'landlordName'],
  care_flags: ['residentId', 'flags'],
  record_only: [],
};

const id = z.string().min(1).max(64);
const text = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 字`).describe(label);
const isoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 年-月-日，如 2026-10-01`).describe(label);

/**
 * confirmChange's input: the draft and its version, the request id (a double tap or a retry applies once),
 * and what the draft lacks — the household (a resident's report names only an address), the kind (the
 * worker corrects what the report said), the person (for a new member: name, ID number or sex and birth
 * date, relation, employment), the person who left or whose groups changed, the landlord, the groups.
 * Empty text counts as not given (forms send ""), so a missing field gets its own Chinese error.
 */
export const confirmChangeInputSchema = z
  .object({
    changeId: id.describe('变动记录'),
    expectedVersion: z.number().int().nonnegative().describe('数据版本'),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').optional().describe('请求编号'),
    householdId: id.optional().describe('住户'),
    kind: z.enum(CHANGE_KINDS, { error: '请选择变动类型' }).optional().describe('变动类型'),
    occurredOn: isoDate('发生日期').optional(),
    residentId: id.optional().describe('人员'),
    name: text('姓名', 20).optional(),
    idNumber: z.string().trim().max(30, '身份证号最多 30 位').optional().describe('身份证号'),
    sex: z.enum(SEXES, { error: '请选择性别' }).optional().describe('性别'),
    birthDate: isoDate('出生日期').optional(),
    phone: z.union([z.literal(''), phoneSchema]).optional(),
    relation: z.enum(RELATIONS, { error: '请选择与户主关系' }).optional().describe('与户主关系'),
    job: z.enum(JOB_STATUSES, { error: '请选择就业状况' }).optional().describe('就业状况'),
    landlordName: text('房东姓名', 20).optional(),
    flags: z.array(z.string().min(1).max(32)).max(20).optional().describe('特殊群体'),
  })
  .strict();
export type ConfirmChangeInput = z.infer<typeof confirmChangeInputSchema>;
