import type { z } from 'zod';
import { maskPhone } from '../../src/domain/org/phone';
import type { BuildingRecord } from '../../src/domain/org/records';
import { careGroupLabel, flagsVisibleAt, inScopes, JOB_STATUS_LABELS, maskIdNumber, RELATION_LABELS, SEX_LABELS, TENURE_LABELS, type ResidentRecord, type Scopes } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { DomainError } from '../../src/domain/errors';
import { authorize } from '../_lib';
import type { ExportStorage } from '../_lib/export-storage';
import { auditRead } from './audit-reads';
import { actingInOwnStreet, DENIED, invalid, placeOf, type RegisterCall } from './context';
import { COLUMNS } from './excel-columns';
import { openedOf } from './people-masking';
import { careGroupWhere, scopedListing, scopedWhere, type ScopedListing } from './scope-where';

type Listing = ScopedListing['acting'];
type Input = z.infer<(typeof registerApi)['exportHouseholds']['input']>;

/** One street's register is at most a few tens of thousands of people; past this, export by grid. */
const EXPORT_MAX = 50_000;

/**
 * exportHouseholds (issue 15 item 6): the 户况 of a grid, a building or a care group (combinable), for the
 * roles the street allows to export (not workers), logged with every filter. ID numbers and phones are exported masked — the sheet
 * leaves the system, and a full number is read one person at a time (revealPerson, audited); care groups
 * appear only where the exporter may see them.
 */
export async function exportHouseholds(input: Input, call: RegisterCall, storage: ExportStorage) {
  const { acting, scopes, grid } = await scopedListing(call, 'export', input.gridId);
  const building = input.buildingId ? await buildingToExport(acting, scopes, input.buildingId, input.gridId) : null;
  const group = input.careGroup ? careGroupWhere(acting, input.careGroup, '您没有导出该群体名单的权限') : {};
  const households = new Map(
    (await acting.stores.households.all(scopedWhere(call, acting.streetId, scopes, { ...grid, ...(building ? { buildingId: building._id } : {}) }), { max: EXPORT_MAX })).map((h) => [h._id, h]),
  );
  const people = (await peopleOf(call, acting, scopes, { status: 'active', ...grid, ...group }, building ? [...households.keys()] : null)).filter((r) => households.has(r.householdId));
  const keys = call.keys();
  const numbers = new Map([...households.keys()].map((id, i) => [id, String(i + 1)]));
  const shownFlags = new Set<string>();
  const rows = people.map((r) => {
    const h = households.get(r.householdId)!;
    const opened = openedOf(keys, r);
    const flags = flagsVisibleAt(acting.caller.roles, placeOf(r), acting.rules, r.careFlags);
    flags.forEach((f) => shownFlags.add(f));
    return {
      householdNo: numbers.get(h._id),
      buildingName: h.buildingName,
      unit: h.unit,
      room: h.room,
      address: h.address,
      tenure: TENURE_LABELS[h.tenure],
      name: r.name,
      sex: SEX_LABELS[r.sex],
      birthDate: r.birthDate,
      idNumber: opened.idNumber ? maskIdNumber(opened.idNumber) : '',
      phone: opened.phone ? maskPhone(opened.phone) : '',
      relation: RELATION_LABELS[r.relation],
      partyMember: r.partyMember ? '是' : '否',
      job: JOB_STATUS_LABELS[r.job],
      skills: r.skills,
      careGroups: flags.map((f) => careGroupLabel(acting.rules.careGroups, f)).join('、'),
    };
  });
  // Loaded on export only: the other actions do not pay for exceljs at cold start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('户况');
  sheet.columns = [...COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })), { header: '特殊群体', key: 'careGroups', width: 20 }];
  sheet.addRows(rows);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await storage.upload(`exports/register/${acting.streetId}/huqing-${call.now.getTime()}.xlsx`, bytes);
  const url = await storage.tempUrl(fileId);
  if (!url) throw new DomainError('INTERNAL', '导出文件链接生成失败');
  await auditRead(call, {
    caller: acting.caller,
    streetId: acting.streetId,
    action: 'register.export',
    target: {
      collection: 'households',
      // Every filter of this export, so the trail says exactly which roll left (grid, building, group).
      id: `export:${[input.gridId ?? '', input.buildingId ?? '', input.careGroup ?? ''].join('|')}`,
      label: `导出户况${building ? ` ${building.name}` : ''}${input.careGroup ? ` ${careGroupLabel(acting.rules.careGroups, input.careGroup)}` : ''} ${rows.length} 人`,
    },
    fields: ['name', 'address', 'idNumberMasked', 'phoneMasked', ...shownFlags],
  });
  return { url, fileId, rows: rows.length };
}

/**
 * The building to export: it must exist, lie where the caller may export, and be in the grid named with it —
 * refused with the export refusal otherwise (a building elsewhere is neither listed nor confirmed to exist).
 */
async function buildingToExport(acting: Listing, scopes: Scopes, buildingId: string, gridId: string | undefined): Promise<BuildingRecord> {
  const building = await acting.stores.buildings.load(buildingId);
  authorize(Boolean(building && building.streetId === acting.streetId && inScopes(scopes, building)), DENIED.export);
  if (gridId && building!.gridId !== gridId) throw invalid('buildingId', '所选楼栋不在所选网格中');
  return building!;
}

/** The people to export: by household for one building (a few hundred, in `in` lists of 500), else by scope. */
async function peopleOf(call: RegisterCall, acting: Listing, scopes: Scopes, extra: Record<string, unknown>, householdIds: string[] | null): Promise<ResidentRecord[]> {
  if (!householdIds) return acting.stores.residents.all(scopedWhere(call, acting.streetId, scopes, extra), { max: EXPORT_MAX });
  const people: ResidentRecord[] = [];
  for (let i = 0; i < householdIds.length; i += 500) {
    people.push(...(await acting.stores.residents.all(scopedWhere(call, acting.streetId, scopes, { ...extra, householdId: call.db.command.in(householdIds.slice(i, i + 500)) }), { max: EXPORT_MAX })));
  }
  return people;
}

/**
 * exportChoices: what the export page offers — the grids (with their buildings) inside the caller's export
 * scope and the care groups they may see. Workers and chiefs, who do not export, are refused like the export.
 */
export async function exportChoices(call: RegisterCall) {
  const { acting, scopes } = await scopedListing(call, 'export', undefined);
  const [grids, buildings] = await Promise.all([
    // A street has tens to a few hundred grids: read whole and kept to the scope below (grids have no gridId field to scope by).
    acting.stores.grids.all({ streetId: acting.streetId }, { max: 2000 }),
    acting.stores.buildings.all(scopedWhere(call, acting.streetId, scopes, { kind: 'building' }), { max: EXPORT_MAX }),
  ]);
  const byGrid = new Map<string, Array<{ buildingId: string; name: string }>>();
  for (const b of [...buildings].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN', { numeric: true }))) byGrid.set(b.gridId, [...(byGrid.get(b.gridId) ?? []), { buildingId: b._id, name: b.name }]);
  const held = new Set(acting.caller.roles.filter((g) => g.streetId === acting.streetId).map((g) => g.role));
  return {
    grids: grids
      .filter((g) => inScopes(scopes, { streetId: g.streetId, communityId: g.communityId, gridId: g._id }))
      .sort((x, y) => x.code.localeCompare(y.code, 'zh-CN', { numeric: true }))
      .map((g) => ({ gridId: g._id, name: g.name, buildings: byGrid.get(g._id) ?? [] })),
    careGroups: acting.rules.careGroups.filter((g) => g.enabled && g.visibleTo.some((r) => held.has(r))).map((g) => ({ id: g.id, label: g.label })),
  };
}

/** importTemplate: the empty template with one example row (a made-up person), for the import page. */
export async function importTemplate(call: RegisterCall, storage: ExportStorage) {
  await actingInOwnStreet(call);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('户况');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } }));
  sheet.addRow({ householdNo: '1', buildingName: '3栋', unit: '2单元', room: '301', address: '示例路12号3栋2单元301', tenure: '自住', name: '（示例，导入前删除）', sex: '女', birthDate: '1950-03-12', idNumber: '', phone: '', relation: '户主', partyMember: '否', job: '退休', skills: '' });
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await storage.upload(`exports/register/template-${call.now.getTime()}.xlsx`, bytes);
  return { url: await storage.tempUrl(fileId), fileId };
}
