import ExcelJS from 'exceljs';
import { anIdNumber, functionAs, registerAs } from '../support/register-builders';
import { callFunction, useFunctionCloud } from './function-cloud';

/** Issue 15 item 6: a grid's 户况 in from the Excel template (all or nothing) and out for permitted roles. */
describe('register Excel import and export', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const HEADER = ['户号', '楼栋', '单元', '门牌号', '地址', '居住类型', '姓名', '性别', '出生日期', '身份证号', '电话', '与户主关系', '党员', '就业状况', '技能特长'];

  async function workbook(rows: unknown[][]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('户况');
    sheet.addRow(HEADER);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  }
  const goodRows = (): unknown[][] => [
    ['1', '3栋', '2单元', '301', '肥东路12号3栋2单元301', '自住', '王芳', '', '', anIdNumber('19450312', '042'), '13955667788', '户主', '是', '退休', '剪纸'],
    ['1', '3栋', '2单元', '301', '肥东路12号3栋2单元301', '自住', '刘强', '男', '1990-05-01', '', '', '子女', '否', '失业', ''],
    ['2', '3栋', '2单元', '302', '肥东路12号3栋2单元302', '空置', '', '', '', '', '', '', '', '', ''],
    ['3', '4栋', '1单元', '101', '肥东路12号4栋1单元101', '出租', '陈晨', '', '', anIdNumber('20010203', '066'), '13700001111', '租户', '否', '在职', ''],
  ];
  const count = async (name: string) => (await t.db.collection(name).count().catch(() => ({ total: 0 }))).total;

  it('imports a grid\'s 户况 and the board counts follow; importing the same file again adds nothing', async () => {
    const officer = await registerAs(base(), 'user-officer-a1');
    const file = await workbook(goodRows());
    expect((await officer('importHouseholds', { gridId: 'grid-a1', fileBase64: file })).data).toEqual({ households: 3, people: 3 });
    expect((await officer('importHouseholds', { gridId: 'grid-a1', fileBase64: file })).data).toEqual({ households: 3, people: 3 });
    expect([await count('households'), await count('residents')]).toEqual([3, 3]);
    const list = (await officer('households', { gridId: 'grid-a1' })).data.items;
    expect(list.map((h: any) => [h.room, h.tenureLabel, h.headName ?? null, h.memberCount])).toEqual([
      ['301', '自住', '王芳', 2],
      ['302', '空置', null, 0],
      ['101', '出租', null, 1],
    ]);
    const board = (await callFunction(base(), 'board', 'get', { gridId: 'grid-a1' })).body.data.grid;
    expect([board.households, board.population]).toEqual([2, 3]);
  });

  it('reports every bad row by row and column in Chinese and imports nothing', async () => {
    const officer = await registerAs(base(), 'user-officer-a1');
    const good = anIdNumber('19450312', '042');
    const rows = goodRows();
    rows[0][9] = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`; // row 2: wrong check character
    rows[1][5] = '自用'; // row 3: not a tenure
    rows[3][9] = 340102200102030660; // row 5: typed as a number
    rows.push(['4', '5栋', '', '', '肥东路12号5栋', '自住', '赵六', '', '', anIdNumber('20010203', '066'), '', '户主', '否', '在职', '']); // row 6: same ID as row 5's intended
    rows.push(['5', '5栋', '', '', '肥东路12号5栋', '自住', '孙七', '', '', anIdNumber('19700101', '011'), '12345', '户主', '也许', '在职', '']); // row 7
    const answer = await officer('importHouseholds', { gridId: 'grid-a1', fileBase64: await workbook(rows) });
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message).toMatch(/^导入文件有 \d+ 处错误，未导入任何数据：第2行「身份证号」列/);
    expect(answer.error.fields).toMatchObject({
      '第2行「身份证号」列': expect.stringMatching(/校验位/),
      '第3行「居住类型」列': '请填写 自住、出租 或 空置',
      '第5行「身份证号」列': expect.stringMatching(/文本格式/),
      '第7行「电话」列': '请填写正确的手机号或座机号',
      '第7行「党员」列': '请填写 是 或 否',
    });
    expect([await count('households'), await count('residents'), await count('buildings')]).toEqual([0, 0, 0]);
  });

  it('exports for community staff (masked, logged) and never for a worker', async () => {
    const officer = await registerAs(base(), 'user-officer-a1');
    await officer('importHouseholds', { gridId: 'grid-a1', fileBase64: await workbook(goodRows()) });
    expect((await officer('exportHouseholds', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    expect((await (await registerAs(base(), 'user-chief-a'))('exportHouseholds', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    expect((await (await registerAs(base(), 'user-community-b'))('exportHouseholds', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    const staff = await registerAs(base(), 'user-community-a');
    const exported = await staff('exportHouseholds', { gridId: 'grid-a1' });
    expect(exported.data.rows).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(exported.data.url)).arrayBuffer()) as unknown as ArrayBuffer);
    const values = book.worksheets[0].getSheetValues().slice(2).map((r: any) => [r[7], r[10], r[11]]);
    const fang = anIdNumber('19450312', '042');
    expect(values).toEqual(expect.arrayContaining([['王芳', `${fang.slice(0, 3)}***********${fang.slice(-4)}`, '139****7788']]));
    const log = await (await functionAs(base(), 'user-admin', 'org'))('auditLog', { limit: 50 });
    expect(log.data.entries.filter((e: any) => e.action === 'register.export').map((e: any) => e.byName)).toEqual(['刘建国']);
  });
  it('exports by building and care group for the roles that export, each export logged with its filters; workers are refused', async () => {
    const officer = await registerAs(base(), 'user-officer-a1');
    await officer('importHouseholds', { gridId: 'grid-a1', fileBase64: await workbook(goodRows()) });
    const staff = await registerAs(base(), 'user-community-a');
    const choices = (await staff('exportChoices', {})).data;
    const a1 = choices.grids.find((g: any) => g.gridId === 'grid-a1')!;
    expect(a1.buildings.map((b: any) => b.name)).toEqual(['3栋', '4栋']);
    expect(choices.grids.every((g: any) => g.gridId.startsWith('grid-a'))).toBe(true);
    expect(choices.careGroups.map((g: any) => g.id)).toContain('elderly_alone');
    for (const userId of ['user-officer-a1', 'user-chief-a']) expect([userId, (await (await registerAs(base(), userId))('exportChoices', {})).error?.code]).toEqual([userId, 'FORBIDDEN']);
    expect((await (await registerAs(base(), 'user-community-b'))('exportChoices', {})).data.grids.map((g: any) => g.gridId)).not.toContain('grid-a1');

    const [b3, b4] = a1.buildings.map((b: any) => b.buildingId);
    const namesOf = async (answer: any) => {
      expect(answer.ok).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await (await fetch(answer.data.url)).arrayBuffer()) as unknown as ArrayBuffer);
      return book.worksheets[0].getSheetValues().slice(2).map((r: any) => r[7]).sort();
    };
    expect(await namesOf(await staff('exportHouseholds', { buildingId: b3 }))).toEqual(['刘强', '王芳']);
    expect(await namesOf(await staff('exportHouseholds', { gridId: 'grid-a1', buildingId: b4 }))).toEqual(['陈晨']);
    const fang = (await officer('searchPeople', { by: 'name', text: '王芳' })).data.people[0];
    expect((await officer('setCareFlags', { residentId: fang.residentId, expectedVersion: fang.version, flags: ['elderly_alone'], occurredOn: '2026-11-30' })).ok).toBe(true);
    expect(await namesOf(await staff('exportHouseholds', { buildingId: b3, careGroup: 'elderly_alone' }))).toEqual(['王芳']);

    // A building outside the grid named, outside the caller's scope, or unknown; a group the admin may not see; a worker.
    expect((await staff('exportHouseholds', { gridId: 'grid-a2', buildingId: b3 })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { buildingId: '所选楼栋不在所选网格中' } });
    expect((await (await registerAs(base(), 'user-community-b'))('exportHouseholds', { buildingId: b3 })).error.code).toBe('FORBIDDEN');
    expect((await staff('exportHouseholds', { buildingId: 'building-nope' })).error.code).toBe('FORBIDDEN');
    expect((await (await registerAs(base(), 'user-admin'))('exportHouseholds', { buildingId: b3, careGroup: 'key_attention' })).error.code).toBe('FORBIDDEN');
    expect((await officer('exportHouseholds', { buildingId: b3 })).error.code).toBe('FORBIDDEN');

    const log = await (await functionAs(base(), 'user-admin', 'org'))('auditLog', { limit: 50 });
    const exports = log.data.entries.filter((e: any) => e.action === 'register.export').map((e: any) => e.targetLabel).sort();
    expect(exports).toEqual(['导出户况 3栋 2 人', '导出户况 3栋 独居老人 1 人', '导出户况 4栋 1 人']);
  });
});
