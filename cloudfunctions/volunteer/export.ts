import type { z } from 'zod';
import type { exportInputSchema } from '../../src/domain/volunteer/api';
import { authorize, requireCaller, type Invocation } from '../_lib';
import type { ExportStorage } from '../_lib/export-storage';
import { entryFromDoc, volunteerCollection } from './records';
import { publicationRows, quarterlyRows } from './points';
import { canOverseeCommunity, streetOf, volunteerNames } from './scope';


type Sheet = { name: string; columns: Array<{ header: string; key: string; width: number }>; rows: Array<Record<string, unknown>> };

const KIND_LABELS = { award: '奖励', correction: '冲正', redemption: '兑换', redemption_refund: '退回' } as const;

/** Staff: 积分台账 of a community for a year, 月度公示, or 季度汇总, as .xlsx in storage with a temporary URL. */
export async function exportSheet(input: z.infer<typeof exportInputSchema>, call: Invocation, storage: ExportStorage) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  let sheet: Sheet;
  if (input.kind === 'ledger') {
    authorize(canOverseeCommunity(caller.roles, streetId, input.communityId));
    const entries = (await volunteerCollection(call, 'ledger').all({ streetId, communityId: input.communityId, year: input.year }, { max: 200_000 })).map(entryFromDoc);
    const names = await volunteerNames(call, entries.map((e) => e.volunteerId));
    sheet = {
      name: `积分台账${input.year}`,
      columns: [{ header: '时间', key: 'at', width: 22 }, { header: '志愿者', key: 'name', width: 12 }, { header: '类型', key: 'kind', width: 8 }, { header: '积分', key: 'points', width: 8 }, { header: '规则', key: 'rule', width: 24 }, { header: '说明', key: 'reason', width: 30 }, { header: '记录编号', key: 'id', width: 40 }],
      rows: entries.sort((a, b) => a.at.getTime() - b.at.getTime()).map((e) => ({ at: e.at.toISOString(), name: names.get(e.volunteerId) ?? e.volunteerId, kind: KIND_LABELS[e.kind], points: e.points, rule: e.kind === 'award' ? e.ruleId : '', reason: e.reason ?? '', id: e.id })),
    };
  } else if (input.kind === 'publication') {
    const pub = await publicationRows(call, caller, input.communityId, input.month);
    authorize(canOverseeCommunity(caller.roles, streetId, input.communityId));
    sheet = { name: `${pub.communityName}${input.month}公示`, columns: [{ header: '志愿者', key: 'name', width: 12 }, { header: '积分', key: 'points', width: 8 }], rows: pub.rows };
  } else {
    const q = await quarterlyRows(call, caller, input.year, input.quarter);
    sheet = {
      name: `${input.year}年第${input.quarter}季度汇总`,
      columns: [{ header: '社区', key: 'community', width: 16 }, { header: '志愿者', key: 'name', width: 12 }, { header: '积分', key: 'points', width: 8 }],
      rows: q.communities.flatMap((c) => c.volunteers.map((v) => ({ community: c.communityName, name: v.name, points: v.points }))),
    };
  }
  // exceljs loads here, on the first export, not at cold start (bench: cold require ≤ 1.2× the bare SDK).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet.name.slice(0, 31));
  ws.columns = sheet.columns;
  ws.addRows(sheet.rows);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await storage.upload(`exports/volunteer/${streetId}/${input.kind}-${call.now.getTime()}.xlsx`, bytes);
  return { url: await storage.tempUrl(fileId), fileId, rows: sheet.rows.length };
}
