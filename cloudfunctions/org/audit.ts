import { canManageStreet } from '../../src/domain/access';
import { AUDITED_ACTION_LABELS, auditRecordSchema, type AuditRecord } from '../../src/domain/audit';
import { DomainError } from '../../src/domain/errors';
import { AUDIT_COLLECTION, authorize, collectionOf, requireCaller, type Invocation } from '../_lib';
import type { PhotoStorage } from './photo';
import { streetOfGrants } from './scope';

// The whole trail of one street in one file; past this, export by period (not needed yet).
const EXPORT_MAX = 50_000;

const entryOf = (r: AuditRecord) => ({
  auditId: r._id,
  at: r.at.toISOString(),
  byName: r.by.name,
  byUserId: r.by.userId,
  action: r.action,
  actionLabel: AUDITED_ACTION_LABELS[r.action],
  targetLabel: r.target.label,
  targetId: r.target.id,
  fields: r.fields,
  beforeHash: r.beforeHash,
  afterHash: r.afterHash,
});

async function adminStreet(call: Invocation): Promise<string> {
  const caller = await requireCaller(call);
  const streetId = streetOfGrants(caller, ['admin']);
  authorize(canManageStreet(caller.roles, streetId), '只有街道管理员可以查看操作记录');
  return streetId;
}

/** auditLog: street admins read their street's trail, newest first, page by page. */
export async function auditLog(input: { after?: string; limit: number }, call: Invocation) {
  const streetId = await adminStreet(call);
  let page;
  try {
    page = await collectionOf(call.db, AUDIT_COLLECTION, auditRecordSchema).page({ streetId }, { orderBy: ['at', 'desc'], after: input.after ?? null, limit: input.limit });
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('INVALID_INPUT', '输入有误：翻页位置无效，请从第一页重新查看', { after: '翻页位置无效' });
  }
  return { entries: page.items.map(entryOf), next: page.next };
}

/** exportAudit: the street's whole trail as .xlsx in storage, with a temporary URL. */
export async function exportAudit(call: Invocation, storage: PhotoStorage) {
  const streetId = await adminStreet(call);
  const records = await collectionOf(call.db, AUDIT_COLLECTION, auditRecordSchema).all({ streetId }, { orderBy: ['at', 'asc'], max: EXPORT_MAX });
  // Loaded on export only: the org function's other actions do not pay for it at cold start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('操作记录');
  sheet.columns = [
    { header: '时间', key: 'at', width: 24 },
    { header: '操作人', key: 'byName', width: 12 },
    { header: '操作人编号', key: 'byUserId', width: 24 },
    { header: '操作', key: 'actionLabel', width: 14 },
    { header: '对象', key: 'targetLabel', width: 20 },
    { header: '对象编号', key: 'targetId', width: 28 },
    { header: '改动字段', key: 'fields', width: 24 },
    { header: '修改前摘要', key: 'beforeHash', width: 66 },
    { header: '修改后摘要', key: 'afterHash', width: 66 },
  ];
  sheet.addRows(records.map((r) => ({ ...entryOf(r), fields: r.fields.join('、') })));
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await storage.upload(`exports/audit/${streetId}/audit-${call.now.getTime()}.xlsx`, bytes);
  const url = (await storage.temporaryUrls([fileId])).get(fileId);
  if (!url) throw new DomainError('INTERNAL', '导出文件链接生成失败');
  return { url, fileId, rows: records.length };
}
