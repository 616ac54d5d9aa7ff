import type { z } from 'zod';
import { canRunAssessments, canSeeRanking } from '../../src/domain/assessment/access';
import { BULLETIN_KIND_LABELS, type assessApi } from '../../src/domain/assessment/api';
import { bulletinRecordSchema, bulletinTitle, redBlack, type BulletinRecord, type BulletinRow } from '../../src/domain/assessment/bulletin';
import type { RunRecord } from '../../src/domain/assessment/records';
import { DomainError } from '../../src/domain/errors';
import { authorize, collectionOf, requireCaller, type Invocation } from '../_lib';
import type { ExportStorage } from '../_lib/export-storage';
import { currentSheets, loadRun, publishedRanking } from './runs';

type In<A extends keyof typeof assessApi> = z.infer<(typeof assessApi)[A]['input']>;

async function publishedRows(call: Invocation, r: RunRecord): Promise<BulletinRow[]> {
  if (r.publishedRevision === null) throw new DomainError('CONFLICT', '考核结果公布后才能导出或通报');
  return publishedRanking(await currentSheets(call, r)).map((x) => ({ rank: x.rank, name: x.subjectName, total: x.total, grade: x.grade, paidYuan: x.paidYuan, flags: x.flags }));
}

async function workbook(title: string, rows: BulletinRow[], unit: string): Promise<Buffer> {
  // exceljs loads on first export, not at cold start (as the volunteer export).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(title.slice(0, 31));
  ws.columns = [
    { header: '名次', key: 'rank', width: 6 },
    { header: '姓名/单位', key: 'name', width: 16 },
    { header: `得分(${unit})`, key: 'total', width: 10 },
    { header: '等级', key: 'grade', width: 8 },
    { header: '实发激励(元)', key: 'paid', width: 12 },
    { header: '预警', key: 'flags', width: 20 },
  ];
  ws.addRows(rows.map((r) => ({ rank: r.rank, name: r.name, total: r.total, grade: r.grade ?? '', paid: r.paidYuan ?? '', flags: r.flags.join('、') })));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The published ranking as .xlsx, for the street and (worker runs) the community's staff. */
export async function exportRanking(input: In<'exportRanking'>, call: Invocation, files: ExportStorage) {
  const caller = await requireCaller(call);
  const r = await loadRun(call, input.runId);
  authorize(canSeeRanking(caller.roles, r), '您没有权限导出该考核');
  const rows = await publishedRows(call, r);
  const title = bulletinTitle('ranking', r.month, r.scopeName, r.ruleSet.name);
  const fileId = await files.upload(`exports/assess/${r.streetId}/${r._id}-r${r.publishedRevision}-ranking.xlsx`, await workbook(title, rows, r.ruleSet.unit));
  return { url: await files.tempUrl(fileId), fileId, rows: rows.length };
}

/**
 * A 通报 (monthly ranking or 红黑榜) from the published sheets, as PDF and Excel. Made once per published
 * revision and then frozen: asking again returns the same files.
 */
export async function bulletin(input: In<'bulletin'>, call: Invocation, files: ExportStorage) {
  const caller = await requireCaller(call);
  const r = await loadRun(call, input.runId);
  authorize(canRunAssessments(caller.roles, r.streetId), '只有街道工作人员可以发布通报');
  const rows = await publishedRows(call, r);
  const bulletins = collectionOf(call.db, 'assessment_bulletins', bulletinRecordSchema);
  const _id = `${r._id}-r${r.publishedRevision}-${input.kind}`;
  const existing = await bulletins.load(_id);
  if (existing) return answer(existing, files, false);
  const title = bulletinTitle(input.kind, r.month, r.scopeName, r.ruleSet.name);
  const { red, black } = input.kind === 'red_black' ? redBlack(rows) : { red: [], black: [] };
  const sections =
    input.kind === 'red_black'
      ? [
          { heading: '红榜', tone: 'red' as const, rows: red },
          { heading: '黑榜', tone: 'black' as const, rows: black },
        ]
      : [{ heading: BULLETIN_KIND_LABELS.ranking, tone: 'plain' as const, rows }];
  const { renderBulletin, rankingSection } = await import('./bulletin-pdf');
  const subtitle = `${r.scopeName} · 第${r.publishedRevision}次公布 · ${r.publishedAt!.toISOString().slice(0, 10)}`;
  const pdf = await renderBulletin({ title, subtitle, sections: sections.map((s) => rankingSection(s.heading, s.tone, s.rows, r.ruleSet.unit)) });
  const base = `bulletins/assess/${r.streetId}/${_id}`;
  const [pdfFileId, xlsxFileId] = await Promise.all([files.upload(`${base}.pdf`, pdf), files.upload(`${base}.xlsx`, await workbook(title, sections.flatMap((s) => s.rows), r.ruleSet.unit))]);
  const record: BulletinRecord = { _id, streetId: r.streetId, runId: r._id, revision: r.publishedRevision!, kind: input.kind, title, rows, red: red.map((r) => r.name), black: black.map((r) => r.name), pdfFileId, xlsxFileId, createdBy: caller.userId, createdAt: call.now };
  const { doc, created } = await bulletins.insertOnce(record);
  return answer(doc, files, created);
}

async function answer(b: BulletinRecord, files: ExportStorage, created: boolean) {
  const [pdfUrl, xlsxUrl] = await Promise.all([files.tempUrl(b.pdfFileId), files.tempUrl(b.xlsxFileId)]);
  return { bulletinId: b._id, title: b.title, pdfUrl, xlsxUrl, created };
}

/** Roles that read a shared 通报: the street's staff and the grid workers it ranks (001 L65 每月通报). */
const BULLETIN_READERS = ['street_staff', 'admin', 'community_staff', 'grid_chief', 'grid_officer'];

export async function bulletinView(input: In<'bulletinView'>, call: Invocation, files: ExportStorage) {
  const caller = await requireCaller(call);
  const b = await collectionOf(call.db, 'assessment_bulletins', bulletinRecordSchema).require(input.bulletinId, '通报');
  authorize(caller.roles.some((g) => g.streetId === b.streetId && BULLETIN_READERS.includes(g.role)), '只有本街道的工作人员可以查看通报');
  return {
    bulletinId: b._id,
    title: b.title,
    kind: b.kind,
    rows: b.rows,
    red: b.red,
    black: b.black,
    pdfUrl: await files.tempUrl(b.pdfFileId),
    createdAt: b.createdAt.toISOString(),
  };
}
