import ExcelJS from 'exceljs';
import { idCheckChar } from '../../src/domain/register/id-number';
import { callFn, login, measureAction } from './gateway';
import { budgets, withBudget } from './budgets';
import { elapsedMs, median, percentile, printTable } from './table';

/**
 * Issue 15 item 8: importing 5 000 households (≈ one street's share of a community) through
 * `register.importHouseholds` — ten template files of 500 households with six people each, as grid A1's
 * officer — then searching those 30 000 people by name, phone tail, ID tail and address. Every ID number
 * and phone is sealed and hashed by the function, as in production. Prints time and database round trips
 * per action; throws (exit 2) if an import or a search answers something other than what was inserted.
 */
/** BENCH_REGISTER_FILES=2 for a quick look; the issue's figure is 10 files (5 000 households, 30 000 people). */
const FILES = Number(process.env.BENCH_REGISTER_FILES ?? 10);
const HOUSEHOLDS_PER_FILE = 500;
const PEOPLE_PER_HOUSEHOLD = 6;
const SEARCH_CALLS = 10;
const OFFICER_USER_ID = 'user-officer-a1';
const HEADER = ['户号', '楼栋', '单元', '门牌号', '地址', '居住类型', '姓名', '性别', '出生日期', '身份证号', '电话', '与户主关系', '党员', '就业状况', '技能特长'];
const RELATIONS = ['户主', '配偶', '子女', '子女', '父母', '父母'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';

const idOf = (n: number) => {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String(((n >> 5) % 12) + 1).padStart(2, '0');
  const year = 1940 + (n % 70);
  const first17 = `340102${year}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
};
const phoneOf = (n: number) => `139${String(n).padStart(8, '0')}`;
const nameOf = (n: number) => `${SURNAMES[n % SURNAMES.length]}居民${n}`;

async function fileOf(index: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('户况');
  sheet.addRow(HEADER);
  for (let h = 0; h < HOUSEHOLDS_PER_FILE; h++) {
    const household = index * HOUSEHOLDS_PER_FILE + h;
    const address = `肥东路${household}号`;
    for (let p = 0; p < PEOPLE_PER_HOUSEHOLD; p++) {
      const n = household * PEOPLE_PER_HOUSEHOLD + p;
      sheet.addRow([String(household), `${(household % 40) + 1}栋`, `${(household % 4) + 1}单元`, String(100 + (household % 30)), address, '自住', nameOf(n), '', '', idOf(n), phoneOf(n), RELATIONS[p], '否', '在职', '']);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

export async function registerTables(baseUrl: string): Promise<void> {
  const cookie = await login(baseUrl, OFFICER_USER_ID);
  const importRows: Array<Array<string | number>> = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < FILES; i++) {
    const file = await fileOf(i);
    const start = process.hrtime.bigint();
    const cost = await measureAction(baseUrl, cookie, 'register', 'importHouseholds', { gridId: 'grid-a1', fileBase64: file });
    console.log(`[register bench] file ${i + 1}: ${elapsedMs(start).toFixed(0)} ms, ${cost.roundTrips} round trips, ${cost.documentsScanned} docs scanned, ${Object.entries(cost.byAction).map(([k, v]) => `${k}×${v}`).join(' ')}`);
    importRows.push([`file ${i + 1}`, HOUSEHOLDS_PER_FILE, HOUSEHOLDS_PER_FILE * PEOPLE_PER_HOUSEHOLD, elapsedMs(start).toFixed(0), cost.roundTrips, withBudget(`import file ${i + 1} docs scanned`, cost.documentsScanned, budgets.registerImport.documentsScannedPerFile, 0), Object.entries(cost.byAction).map(([k, v]) => `${k}×${v}`).join(' ')]);
  }
  const importMs = elapsedMs(t0);
  printTable(
    `Register import: ${FILES} files × ${HOUSEHOLDS_PER_FILE} households × ${PEOPLE_PER_HOUSEHOLD} people into grid A1 (register.importHouseholds via the gateway, sealing and hashing included)`,
    ['file', 'households', 'people', 'ms', 'round trips', 'docs scanned', 'admin actions'],
    importRows,
    `total ${(importMs / 1000).toFixed(1)} s for ${FILES * HOUSEHOLDS_PER_FILE} households / ${FILES * HOUSEHOLDS_PER_FILE * PEOPLE_PER_HOUSEHOLD} people`,
  );

  const total = FILES * HOUSEHOLDS_PER_FILE * PEOPLE_PER_HOUSEHOLD;
  const probe = Math.floor(total * 0.7);
  const searches: Array<{ label: string; input: { by: string; text: string }; expect: (names: string[]) => boolean }> = [
    { label: 'name (contains)', input: { by: 'name', text: nameOf(probe) }, expect: (names) => names.includes(nameOf(probe)) },
    { label: 'phone tail', input: { by: 'phone_tail', text: phoneOf(probe).slice(-4) }, expect: (names) => names.includes(nameOf(probe)) },
    { label: 'ID tail', input: { by: 'id_tail', text: idOf(probe).slice(-4) }, expect: (names) => names.length > 0 },
    { label: 'address (contains)', input: { by: 'address', text: `肥东路${Math.floor(probe / PEOPLE_PER_HOUSEHOLD)}号` }, expect: (names) => names.includes(nameOf(probe)) },
  ];
  const rows: Array<Array<string | number>> = [];
  for (const s of searches) {
    const samples: number[] = [];
    let names: string[] = [];
    for (let i = 0; i < SEARCH_CALLS; i++) {
      const start = process.hrtime.bigint();
      const answer = (await callFn(baseUrl, cookie, 'register', 'searchPeople', s.input)) as { people: Array<{ name: string }> };
      samples.push(elapsedMs(start));
      names = answer.people.map((p) => p.name);
    }
    if (!s.expect(names)) throw new Error(`register search by ${s.label} did not find the probe (got ${names.slice(0, 5).join(', ')})`);
    const cost = await measureAction(baseUrl, cookie, 'register', 'searchPeople', s.input);
    const b = budgets.registerSearch[s.label];
    rows.push([s.label, names.length, withBudget(`${s.label} round trips`, cost.roundTrips, b?.roundTrips, 0), withBudget(`${s.label} docs scanned`, cost.documentsScanned, b?.documentsScanned, 0), withBudget(`${s.label} median ms`, median(samples), b?.medianMs, 1), percentile(samples, 95).toFixed(1)]);
  }
  printTable(`Register search over ${total} people of grid A1 (register.searchPeople as the officer, ${SEARCH_CALLS} calls each)`, ['search', 'found', 'round trips', 'docs scanned', 'median ms', 'p95 ms'], rows);
}
