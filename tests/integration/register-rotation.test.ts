import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newRequestId } from '../support/org-builders';
import { aResident, anIdNumber, householdWith, registerAs } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';

const CURRENT = 'GRIDLINK_REGISTER_KEY';
const OLD = 'GRIDLINK_REGISTER_OLD_KEYS';
const keyIdOf = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex').slice(0, 8);

/**
 * Issue 15 item 3, key rotation (docs/privacy.md): a new key for writes while the old one still opens old
 * rows, register.rotateKeys moving the street's rows to the new key in batches, the raw database holding
 * no plaintext afterwards, and a missing old key answered with a clear error naming it — never garbage.
 */
describe('register key rotation', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const env = () => t.cloud.functionEnv;
  const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
  const sealedKeyIds = async () => {
    const residents = (await t.db.collection('residents').limit(1000).get()).data as any[];
    const tenancies = (await t.db.collection('tenancies').limit(1000).get()).data as any[];
    return [...residents.flatMap((r) => [r.idSealed, r.phoneSealed]), ...tenancies.map((x) => x.landlordPhoneSealed)].filter(Boolean).map((s: string) => s.split('.')[1]);
  };

  it('writes under the new key, reads old rows, moves them in batches, and names a missing old key', async () => {
    const saved = { ...env() };
    try {
      const oldKey = env()[CURRENT];
      const officer = await registerAs(base(), 'user-officer-a1');
      const people = [
        { name: '王芳', idNumber: anIdNumber('19450312', '042'), phone: '13955667788' },
        { name: '刘强', idNumber: anIdNumber('19800101', '017'), phone: '13900001234', relation: 'child', job: 'employed' },
        { name: '陈静', idNumber: anIdNumber('19820101', '028'), phone: '13900005678', relation: 'spouse', job: 'employed' },
      ];
      const { householdId, residentIds } = await householdWith(officer, 'grid-a1', people);
      expect((await officer('saveTenancy', { requestId: newRequestId('tenancy'), householdId, landlordName: '王芳', landlordPhone: '13811112222', tenantResidentIds: [residentIds[1]], moveInOn: '2026-11-01' })).ok).toBe(true);
      expect(new Set(await sealedKeyIds())).toEqual(new Set([keyIdOf(oldKey)]));

      // Rotate: a new current key, the old one kept for reading.
      const newKey = randomBytes(32).toString('base64');
      env()[CURRENT] = newKey;
      env()[OLD] = oldKey;
      const view = await officer('household', { householdId });
      expect(view.data.people.map((p: any) => p.phoneMasked).sort()).toEqual(['139****1234', '139****5678', '139****7788']);
      expect((await officer('searchPeople', { by: 'phone_tail', text: '7788' })).data.people.map((p: any) => p.name)).toEqual(['王芳']);
      expect((await officer('savePerson', aResident(householdId, { name: '重复', idNumber: people[0].idNumber, relation: 'other' }))).error.code).toBe('CONFLICT');
      const added = await officer('savePerson', aResident(householdId, { name: '赵云', idNumber: anIdNumber('19900101', '039'), phone: '13900009999', relation: 'other', job: 'employed' }));
      expect(added.ok).toBe(true);
      expect(new Set(await sealedKeyIds())).toEqual(new Set([keyIdOf(oldKey), keyIdOf(newKey)]));

      // Dropping the old key before the rows moved: a clear error naming the missing key, not garbage.
      delete env()[OLD];
      const missing = await officer('household', { householdId });
      expect(missing.error).toEqual({ code: 'INTERNAL', message: `登记簿加密密钥缺失（编号 ${keyIdOf(oldKey)}），无法读取，请联系管理员` });
      env()[OLD] = oldKey;

      // Only the street admin moves rows; in batches of 2 until `next` is null, then nothing is left to move.
      expect((await officer('rotateKeys', { limit: 2 })).error.code).toBe('FORBIDDEN');
      const admin = await registerAs(base(), 'user-admin');
      let after: string | undefined;
      let moved = 0;
      let calls = 0;
      do {
        const batch = await admin('rotateKeys', { limit: 2, ...(after ? { after } : {}) });
        expect(batch.ok).toBe(true);
        expect(batch.data.checked).toBeLessThanOrEqual(2);
        moved += batch.data.moved;
        after = batch.data.next ?? undefined;
        calls++;
      } while (after && calls < 20);
      expect(moved).toBe(4); // three residents and one landlord phone; 赵云 was written under the new key
      expect(new Set(await sealedKeyIds())).toEqual(new Set([keyIdOf(newKey)]));
      expect((await admin('rotateKeys', { limit: 200 })).data).toMatchObject({ moved: 0 });

      // The old key can go: every row reads and is found under the new key alone.
      delete env()[OLD];
      expect((await officer('revealPerson', { residentId: residentIds[0], reason: '代办低保核对身份' })).data).toEqual({ idNumber: people[0].idNumber, phone: people[0].phone });
      expect((await officer('searchPeople', { by: 'id_tail', text: people[1].idNumber.slice(-4) })).data.people.map((p: any) => p.name)).toEqual(['刘强']);
      expect((await officer('household', { householdId })).ok).toBe(true);

      const raw = filesUnder(t.dataDir)
        .filter((f) => !f.endsWith('function-env.json') && !f.endsWith('admin-keys.json'))
        .map((f) => readFileSync(f).toString('latin1'))
        .join('\n');
      expect(raw).toContain(Buffer.from('陈静').toString('latin1'));
      for (const p of people) {
        expect(raw).not.toContain(p.idNumber);
        expect(raw).not.toContain(p.phone);
      }
      expect(raw).not.toContain('13811112222');
    } finally {
      for (const k of Object.keys(env())) delete env()[k];
      Object.assign(env(), saved);
    }
  });
  it('an import after a rotation still finds a person whose ID number was hashed under the old key', async () => {
    const saved = { ...env() };
    try {
      const officer = await registerAs(base(), 'user-officer-a1');
      const wang = anIdNumber('19450312', '042');
      await householdWith(officer, 'grid-a1', [{ name: '王芳', idNumber: wang, phone: '13955667788' }]);
      // Rotate without moving rows yet: 王芳's idKey is an HMAC under the old key only.
      env()[OLD] = env()[CURRENT];
      env()[CURRENT] = randomBytes(32).toString('base64');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('户况');
      sheet.addRow(['户号', '楼栋', '单元', '门牌号', '地址', '居住类型', '姓名', '性别', '出生日期', '身份证号', '电话', '与户主关系', '党员', '就业状况', '技能特长']);
      sheet.addRow(['7', '9栋', '1单元', '101', '肥东路12号9栋1单元101', '自住', '王芳', '', '', wang, '', '户主', '否', '退休', '']);
      sheet.addRow(['7', '9栋', '1单元', '101', '肥东路12号9栋1单元101', '自住', '李平', '', '', anIdNumber('19800101', '017'), '', '配偶', '否', '在职', '']);
      const fileBase64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
      const before = (await t.db.collection('residents').count()).total;
      const answer = await officer('importHouseholds', { gridId: 'grid-a1', fileBase64 });
      expect(answer.error?.code).toBe('INVALID_INPUT');
      expect(answer.error.fields).toEqual({ '第2行「身份证号」列': '该身份证号已登记在本街道的其他户中' });
      expect((await t.db.collection('residents').count()).total).toBe(before);

      // Once the rows are moved to the new key the same file is refused the same way (current-key hash).
      const admin = await registerAs(base(), 'user-admin');
      let after: string | undefined;
      do after = (await admin('rotateKeys', { limit: 200, ...(after ? { after } : {}) })).data.next ?? undefined;
      while (after);
      delete env()[OLD];
      expect((await officer('importHouseholds', { gridId: 'grid-a1', fileBase64 })).error.fields).toEqual({ '第2行「身份证号」列': '该身份证号已登记在本街道的其他户中' });
    } finally {
      for (const k of Object.keys(env())) delete env()[k];
      Object.assign(env(), saved);
    }
  });
});
