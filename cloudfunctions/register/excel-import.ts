import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { phoneSchema } from '../../src/domain/org/phone';
import { chinaDateOf, nameFields, type HouseholdRecord, type ResidentRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { DomainError } from '../../src/domain/errors';
import { appendAudit } from '../_lib';
import { refreshGridCounts, type RegisterStores } from '../_lib/register';
import { actingIn, actingInOwnStreet, authorizeAt, type RegisterCall } from './context';
import { COLUMNS, headerOf, JOB_BY_LABEL, RELATION_BY_LABEL, SEX_BY_LABEL, TENURE_BY_LABEL, YES_NO, type ColumnKey } from './excel-columns';
import { ensureBuilding } from './households';
import { identityOf } from './identity';
import { sealedFields } from './people-masking';

type Input = z.infer<(typeof registerApi)['importHouseholds']['input']>;

/** At most this many problems are listed; past it the message says how many more. */
const MAX_PROBLEMS = 50;
/** A grid's 户况 in one file (a grid has 150–1000 households, 001 L115): rows beyond this are refused. */
const MAX_ROWS = 6000;
/** Values in one `_.in` list of the duplicate check (what one query asks for). */
const IN_MAX = 500;

type Row = Record<ColumnKey, string> & { line: number; idCell: unknown };

/**
 * importHouseholds: a grid's 户况 from the Excel template. Every row is checked first — a wrong row is
 * reported by row and column in Chinese and NOTHING is written. Only a file without problems is written,
 * in batches with ids derived from the grid and the 户号 / ID number, so a retry after an interrupted
 * import completes it without duplicates.
 */
export async function importHouseholds(input: Input, call: RegisterCall) {
  const own = await actingInOwnStreet(call);
  const grid = await own.stores.grids.require(input.gridId, '网格');
  const acting = own.streetId === grid.streetId ? own : await actingIn(call, grid.streetId);
  const place = { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id };
  authorizeAt(acting, place, 'write');
  const rows = await readRows(Buffer.from(input.fileBase64, 'base64'));
  const problems: Array<[string, string]> = [];
  const problem = (row: Row, key: ColumnKey | null, message: string) => problems.push([`第${row.line}行${key ? `「${headerOf(key)}」列` : ''}`, message]);
  const today = chinaDateOf(call.now);
  const keys = call.keys();
  const households = new Map<string, HouseholdRecord>();
  const residents: ResidentRecord[] = [];
  const seenIds = new Map<string, number>();
  /** Each imported person's ID number (in memory only), for the duplicate check under every configured key. */
  const idNumbers = new Map<string, string>();
  const rowOf = new Map<string, Row>();
  for (const row of rows) {
    const h = householdOf(row, place, call.now, problem);
    if (!h) continue;
    const known = households.get(h._id);
    if (known && (known.address !== h.address || known.tenure !== h.tenure)) problem(row, 'address', `户号${row.householdNo}的地址或居住类型与前面的行不一致`);
    const household = known ?? h;
    households.set(h._id, household);
    if (!row.name) continue;
    const person = residentOf(row, household, today, call.now, keys, problem, seenIds);
    if (!person) continue;
    residents.push(person.record);
    if (person.idNumber) idNumbers.set(person.record._id, person.idNumber);
    rowOf.set(person.record._id, row);
    household.memberCount++;
    if (person.record.relation === 'head') household.headResidentId = person.record._id;
  }
  if (!problems.length && !rows.length) problems.push(['文件', '没有找到任何数据行，请使用导入模板']);
  await refuseRegistered(call, acting.stores, grid.streetId, residents, idNumbers, rowOf, problem);
  if (problems.length) {
    const fields = Object.fromEntries(problems.slice(0, MAX_PROBLEMS).map(([where, message]) => [where, message]));
    const more = problems.length > MAX_PROBLEMS ? `（另有 ${problems.length - MAX_PROBLEMS} 处未列出）` : '';
    throw new DomainError('INVALID_INPUT', `导入文件有 ${problems.length} 处错误，未导入任何数据：${problems[0][0]}${problems[0][1]}${more}`, fields);
  }
  for (const name of new Set([...households.values()].map((h) => h.buildingName).filter(Boolean))) {
    const buildingId = await ensureBuilding(call, acting, grid, name);
    for (const h of households.values()) if (h.buildingName === name) h.buildingId = buildingId;
  }
  await acting.stores.households.insertAllOnce([...households.values()]);
  for (let i = 0; i < residents.length; i += 500) await acting.stores.residents.insertAllOnce(residents.slice(i, i + 500));
  await appendAudit(call.db, { caller: acting.caller, streetId: grid.streetId, now: call.now, action: 'register.import', target: { collection: 'grids', id: grid._id, label: grid.name }, before: null, after: { households: households.size, people: residents.length } });
  await refreshGridCounts(call.db, grid._id, call.now);
  return { households: households.size, people: residents.length };
}

async function readRows(bytes: Buffer): Promise<Row[]> {
  // Loaded on import only: the register's other actions do not pay for exceljs at cold start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('INVALID_INPUT', '输入有误：文件不是有效的 Excel 表格文件，请使用导入模板', { fileBase64: '文件不是有效的 Excel 表格文件' });
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new DomainError('INVALID_INPUT', '输入有误：文件里没有工作表', { fileBase64: '文件里没有工作表' });
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
  const positions = COLUMNS.map((c) => header.indexOf(c.header));
  const missing = COLUMNS.filter((_, i) => positions[i] < 0).map((c) => c.header);
  if (missing.length) throw new DomainError('INVALID_INPUT', `输入有误：第1行缺少这些列：${missing.join('、')}，请使用导入模板`, { fileBase64: `缺少列：${missing.join('、')}` });
  if (sheet.actualRowCount - 1 > MAX_ROWS) throw new DomainError('INVALID_INPUT', `输入有误：一次最多导入 ${MAX_ROWS} 行，请按楼栋分开导入`, { fileBase64: `超过 ${MAX_ROWS} 行` });
  const rows: Row[] = [];
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const cells = COLUMNS.map((_, i) => row.getCell(positions[i] + 1).value);
    if (cells.every((v) => v === null || v === undefined || String(v).trim() === '')) return;
    const text = Object.fromEntries(COLUMNS.map((c, i) => [c.key, cellText(cells[i])])) as Record<ColumnKey, string>;
    rows.push({ ...text, line, idCell: cells[COLUMNS.findIndex((c) => c.key === 'idNumber')] });
  });
  return rows;
}

function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text).trim();
  if (value && typeof value === 'object' && 'richText' in value) return (value as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('').trim();
  return value === null || value === undefined ? '' : String(value).trim();
}

type Problem = (row: Row, key: ColumnKey | null, message: string) => void;

function householdOf(row: Row, place: { streetId: string; communityId: string; gridId: string }, now: Date, problem: Problem): HouseholdRecord | null {
  let ok = true;
  if (!row.householdNo) (problem(row, 'householdNo', '请填写户号（同一户的人填同一个户号）'), (ok = false));
  if (!row.address) (problem(row, 'address', '请填写地址'), (ok = false));
  else if (row.address.length > 100) (problem(row, 'address', '地址最多 100 字'), (ok = false));
  const tenure = TENURE_BY_LABEL.get(row.tenure);
  if (!tenure) (problem(row, 'tenure', '请填写 自住、出租 或 空置'), (ok = false));
  for (const [key, max] of [['buildingName', 30], ['unit', 10], ['room', 10]] as const) if (row[key].length > max) (problem(row, key, `最多 ${max} 字`), (ok = false));
  if (!ok) return null;
  return {
    _id: `hh-${createHash('sha256').update(`${place.gridId}:import:${row.householdNo}`).digest('hex').slice(0, 20)}`,
    ...place,
    buildingName: row.buildingName,
    unit: row.unit,
    room: row.room,
    address: row.address,
    tenure: tenure!,
    memberCount: 0,
    careFlags: [],
    note: '',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

function residentOf(row: Row, h: HouseholdRecord, today: string, now: Date, keys: ReturnType<RegisterCall['keys']>, problem: Problem, seenIds: Map<string, number>): { record: ResidentRecord; idNumber?: string } | null {
  let ok = true;
  const fail = (key: ColumnKey, message: string) => (problem(row, key, message), (ok = false));
  if (row.name.length > 20) fail('name', '姓名最多 20 字');
  // An 18-digit number typed into a number cell has already lost its last digits in Excel.
  if (typeof row.idCell === 'number') fail('idNumber', '身份证号请设置为文本格式后重新填写（数字格式会丢失末几位）');
  const sex = row.sex ? SEX_BY_LABEL.get(row.sex) : undefined;
  if (row.sex && !sex) fail('sex', '请填写 男 或 女');
  if (row.birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(row.birthDate)) fail('birthDate', '格式应为 年-月-日，如 1950-03-12');
  let who: ReturnType<typeof identityOf> | null = null;
  if (ok) {
    try {
      who = identityOf({ idNumber: row.idNumber || undefined, sex, birthDate: row.birthDate || undefined }, today);
    } catch (err) {
      const fields = err instanceof DomainError ? err.fields ?? {} : {};
      for (const [field, message] of Object.entries(fields)) fail(field === 'idNumber' ? 'idNumber' : field === 'sex' ? 'sex' : 'birthDate', message);
    }
  }
  if (who?.idNumber) {
    const first = seenIds.get(who.idNumber);
    if (first) fail('idNumber', `与第${first}行的身份证号重复`);
    else seenIds.set(who.idNumber, row.line);
  }
  if (row.phone && !phoneSchema.safeParse(row.phone).success) fail('phone', '请填写正确的手机号或座机号');
  const relation = RELATION_BY_LABEL.get(row.relation);
  if (!relation) fail('relation', `请填写 ${[...RELATION_BY_LABEL.keys()].join('、')} 之一`);
  const partyMember = YES_NO.get(row.partyMember);
  if (partyMember === undefined) fail('partyMember', '请填写 是 或 否');
  const job = JOB_BY_LABEL.get(row.job);
  if (!job) fail('job', `请填写 ${[...JOB_BY_LABEL.keys()].join('、')} 之一`);
  if (row.skills.length > 100) fail('skills', '最多 100 字');
  if (!ok || !who) return null;
  const _id = `res-${createHash('sha256').update(`${h.gridId}:import:${who.idNumber ?? `${row.householdNo}:${row.name}:${who.birthDate}`}`).digest('hex').slice(0, 20)}`;
  const record: ResidentRecord = {
    _id,
    streetId: h.streetId,
    communityId: h.communityId,
    gridId: h.gridId,
    householdId: h._id,
    ...nameFields(row.name),
    sex: who.sex,
    birthDate: who.birthDate,
    ...sealedFields(keys, _id, who.idNumber, row.phone || undefined),
    relation: relation!,
    partyMember: partyMember!,
    job: job!,
    skills: row.skills,
    careFlags: [],
    status: 'active',
    memberships: [{ householdId: h._id, relation: relation!, from: today }],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { record, ...(who.idNumber ? { idNumber: who.idNumber } : {}) };
}

/**
 * A person already registered in the street (not by this very file) is named by row. Stored `idKey`s are
 * HMACs under the key that wrote the row: until `rotateKeys` has moved every row, people written before a
 * rotation carry a hash under an old key (GRIDLINK_REGISTER_OLD_KEYS), so each number is looked up under
 * every configured key — the way savePerson's duplicate check does — or they would import a second time.
 */
async function refuseRegistered(call: RegisterCall, stores: RegisterStores, streetId: string, residents: ResidentRecord[], idNumbers: Map<string, string>, rowOf: Map<string, Row>, problem: Problem) {
  const keys = call.keys();
  const _ = call.db.command;
  const hashesOf = new Map(residents.flatMap((r) => (idNumbers.has(r._id) ? [[r._id, keys.keyedHashes('id', idNumbers.get(r._id)!)] as const] : [])));
  const owner = new Map([...hashesOf].flatMap(([id, hashes]) => hashes.map((h) => [h, id] as const)));
  const keyed = [...hashesOf.keys()];
  // One `in` list per query stays at IN_MAX values whatever the number of configured keys.
  const perChunk = Math.max(1, Math.floor(IN_MAX / Math.max(1, keys.keyedHashes('id', '').length)));
  for (let i = 0; i < keyed.length; i += perChunk) {
    const hashes = keyed.slice(i, i + perChunk).flatMap((id) => hashesOf.get(id)!);
    const found = await stores.residents.all({ streetId, status: 'active', idKey: _.in(hashes) }, { max: 2 * IN_MAX });
    for (const existing of found) {
      const mine = owner.get(existing.idKey!)!;
      if (existing._id === mine) continue; // the same file imported again: its own people
      problem(rowOf.get(mine)!, 'idNumber', '该身份证号已登记在本街道的其他户中');
    }
  }
}
