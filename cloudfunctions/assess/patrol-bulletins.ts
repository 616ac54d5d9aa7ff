import type { z } from 'zod';
import type { assessApi } from '../../src/domain/assessment/api';
import {
  canMakePatrolBulletin,
  canReadPatrolBulletin,
  halfMonthOf,
  patrolBulletinId,
  patrolBulletinRecordSchema,
  patrolBulletinRows,
  patrolBulletinTitle,
  type PatrolBulletinRecord,
  type PatrolBulletinRow,
} from '../../src/domain/assessment/patrol-bulletin';
import { isWorkingDate } from '../../src/domain/calendar';
import { chinaDayIndex, chinaIsoDate } from '../../src/domain/calendar/china-time';
import { DomainError } from '../../src/domain/errors';
import { communityRecordSchema, streetRecordSchema } from '../../src/domain/org/records';
import { workerPlaces } from '../../src/domain/worklog';
import { authorize, collectionOf, requireCaller, type Invocation } from '../_lib';
import type { ExportStorage } from '../_lib/export-storage';
// The compliance view's ONE fact gathering (patrols per worker, the street's workers and calendar): the
// 巡查通报 counts the same patrols the compliance colours do, never a second reading of them.
import { loadComplianceFacts } from '../worklog/compliance-facts';
import { streetWorkConfigFrom } from '../worklog/street-rules';

type In<A extends keyof typeof assessApi> = z.infer<(typeof assessApi)[A]['input']>;

const bulletinsOf = (call: Invocation) => collectionOf(call.db, 'patrol_bulletins', patrolBulletinRecordSchema);
const chinaDate = (at: Date) => chinaIsoDate(chinaDayIndex(at.getTime()));

const COLUMNS: Array<{ header: string; key: keyof PatrolBulletinRow; width: number }> = [
  { header: '名次', key: 'rank', width: 6 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '巡查天数', key: 'patrolDays', width: 9 },
  { header: '应巡工作日', key: 'workingDays', width: 10 },
  { header: '漏巡天数', key: 'missedDays', width: 9 },
  { header: '休息日巡查', key: 'restDayPatrols', width: 10 },
  { header: '巡查时长(分钟)', key: 'minutes', width: 14 },
  { header: '楼栋打卡', key: 'checkIns', width: 9 },
  { header: '上报事件', key: 'casesFiled', width: 9 },
  { header: '当场处置', key: 'onSpot', width: 9 },
];

async function workbook(title: string, rows: PatrolBulletinRow[]): Promise<Buffer> {
  // exceljs loads on first export, not at cold start (as the ranking 通报, bulletins.ts).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(title.slice(0, 31));
  ws.columns = COLUMNS;
  ws.addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const line = (r: PatrolBulletinRow) =>
  `${String(r.rank).padEnd(4)}${r.name}    ${r.patrolDays}/${r.workingDays}    ${r.missedDays}    ${r.restDayPatrols}    ${r.minutes}    ${r.checkIns}    ${r.casesFiled}    ${r.onSpot}`;

async function scopeName(call: Invocation, streetId: string, communityId: string | undefined): Promise<string> {
  if (!communityId) return (await collectionOf(call.db, 'streets', streetRecordSchema).load(streetId))?.name ?? '本街道';
  const community = await collectionOf(call.db, 'communities', communityRecordSchema).load(communityId);
  if (!community || community.streetId !== streetId) throw new DomainError('NOT_FOUND', '社区不存在', { communityId: '社区不存在' });
  return community.name;
}

/**
 * 生成巡查通报 (002 L151): one row per grid worker of the street or community with the half-month's
 * patrol days against its working days (the street's calendar), minutes, missed days, building check-ins
 * and findings, ranked. Only once the half-month is over; made once and then frozen (the id is the scope
 * and half-month, so asking again returns the same files).
 */
export async function patrolBulletin(input: In<'patrolBulletin'>, call: Invocation, files: ExportStorage) {
  const caller = await requireCaller(call);
  const streetId = caller.roles[0]?.streetId ?? '';
  authorize(canMakePatrolBulletin(caller.roles, streetId, input.communityId), '只有街道工作人员或本社区工作人员可以生成巡查通报');
  const h = halfMonthOf(input.halfMonth);
  if (call.now.getTime() < h.end) throw new DomainError('CONFLICT', `${h.label}尚未结束（${h.lastDate}结束），结束后才能生成巡查通报`, { halfMonth: '该半月尚未结束' });
  const _id = patrolBulletinId(streetId, input.communityId, h.key);
  const existing = await bulletinsOf(call).load(_id);
  if (existing) return answer(existing, files, false);

  const name = await scopeName(call, streetId, input.communityId);
  const { configs, workers, patrols } = await loadComplianceFacts(call.db, caller.userId, {
    streetId,
    from: new Date(h.start),
    to: new Date(h.end),
    fromDate: h.firstDate,
    lastDate: h.lastDate,
    patrolDetail: true,
  });
  const { calendar } = streetWorkConfigFrom(streetId, configs);
  const inScope = workers
    .filter((u) => workerPlaces(u.roles).some((p) => p.streetId === streetId && (!input.communityId || p.communityId === input.communityId)))
    .map((u) => ({ id: u._id, name: u.name }));
  const facts = patrols.map((p) => ({
    workerId: p.workerId,
    date: chinaDate(p.startedAt),
    minutes: p.minutes ?? 0,
    checkIns: p.checkIns?.length ?? 0,
    casesFiled: p.findings?.filter((f) => f.kind === 'case').length ?? 0,
    onSpot: p.findings?.filter((f) => f.kind === 'on_spot').length ?? 0,
  }));
  const rows = patrolBulletinRows(h, inScope, facts, (d) => isWorkingDate(d, calendar));
  const title = patrolBulletinTitle(name, h);

  const { renderBulletin } = await import('./bulletin-pdf');
  const subtitle = `${name} · ${h.firstDate} 至 ${h.lastDate} · 应巡工作日 ${rows[0]?.workingDays ?? 0} 天`;
  const pdf = await renderBulletin({
    title,
    subtitle,
    sections: [{ heading: '网格员巡查情况', tone: 'plain', header: '名次  姓名    巡查/应巡    漏巡    休息日巡查    分钟    楼栋打卡    上报事件    当场处置', lines: rows.map(line) }],
  });
  const base = `bulletins/patrol/${streetId}/${_id}`;
  const [pdfFileId, xlsxFileId] = await Promise.all([files.upload(`${base}.pdf`, pdf), files.upload(`${base}.xlsx`, await workbook(title, rows))]);
  const record: PatrolBulletinRecord = {
    _id,
    streetId,
    ...(input.communityId ? { communityId: input.communityId } : {}),
    halfMonth: h.key,
    scopeName: name,
    title,
    rows,
    pdfFileId,
    xlsxFileId,
    createdBy: caller.userId,
    createdAt: call.now,
  };
  const { doc, created } = await bulletinsOf(call).insertOnce(record);
  return answer(doc, files, created);
}

async function answer(b: PatrolBulletinRecord, files: ExportStorage, created: boolean) {
  const [pdfUrl, xlsxUrl] = await Promise.all([files.tempUrl(b.pdfFileId), files.tempUrl(b.xlsxFileId)]);
  return { bulletinId: b._id, title: b.title, pdfUrl, xlsxUrl, created };
}

/** A 巡查通报 as shared to a WeChat group: the street's staff, and the staff and grid workers of its scope. */
export async function patrolBulletinView(input: In<'patrolBulletinView'>, call: Invocation, files: ExportStorage) {
  const caller = await requireCaller(call);
  const b = await bulletinsOf(call).require(input.bulletinId, '巡查通报');
  authorize(canReadPatrolBulletin(caller.roles, b), '只有本街道（本社区）的工作人员和网格员可以查看该巡查通报');
  const [pdfUrl, xlsxUrl] = await Promise.all([files.tempUrl(b.pdfFileId), files.tempUrl(b.xlsxFileId)]);
  return { bulletinId: b._id, title: b.title, scopeName: b.scopeName, halfMonth: halfMonthOf(b.halfMonth).label, rows: b.rows, pdfUrl, xlsxUrl, createdAt: b.createdAt.toISOString() };
}
