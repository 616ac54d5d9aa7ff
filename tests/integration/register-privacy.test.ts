import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { anIdNumber, functionAs, householdWith, registerAs } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';

/** Issue 15 item 3: ID numbers and phones are sealed at rest, masked by default, revealed only with a log. */
describe('register privacy', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));

  it('the raw database files hold no ID number and no plaintext phone of a register person — but do hold the name', async () => {
    const idNumber = anIdNumber('19450312', '042');
    const phone = '13955667788';
    const officer = await registerAs(base(), 'user-officer-a1');
    await householdWith(officer, 'grid-a1', [{ name: '王芳仙', idNumber, phone }]);
    const raw = filesUnder(t.dataDir)
      .filter((f) => !f.endsWith('function-env.json') && !f.endsWith('admin-keys.json'))
      .map((f) => readFileSync(f).toString('latin1'))
      .join('\n');
    // Proof the files read are the ones written: the (plain) name is there, in UTF-8 bytes.
    expect(raw).toContain(Buffer.from('王芳仙').toString('latin1'));
    expect(raw).not.toContain(idNumber);
    expect(raw).not.toContain(idNumber.slice(0, 14));
    expect(raw).not.toContain(phone);
  });

  it('shows numbers masked, reveals them in full only to permitted roles, and logs each full read', async () => {
    const idNumber = anIdNumber('19600101', '055');
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds } = await householdWith(officer, 'grid-a1', [{ idNumber, phone: '13911112222' }]);
    const view = await officer('household', { householdId });
    expect(view.ok).toBe(true);
    expect(view.data.people[0]).toMatchObject({ idMasked: `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`, phoneMasked: '139****2222' });
    expect(JSON.stringify(view.data)).not.toContain(idNumber);

    expect((await officer('revealPerson', { residentId: residentIds[0], reason: '代办低保核对身份' })).data).toEqual({ idNumber, phone: '13911112222' });
    const chief = await registerAs(base(), 'user-chief-a');
    expect((await chief('revealPerson', { residentId: residentIds[0], reason: '代办低保核对身份' })).error.code).toBe('FORBIDDEN');

    const log = await (await functionAs(base(), 'user-admin', 'org'))('auditLog', { limit: 50 });
    const reveals = log.data.entries.filter((e: any) => e.action === 'register.revealIdentity');
    expect(reveals.map((e: any) => [e.byName, e.targetId, e.fields])).toEqual([['张丽', residentIds[0], ['idNumber', 'phone']]]);
    // The reason given is kept with the read, for the admin who reviews the trail.
    expect(reveals[0].targetLabel).toContain('代办低保核对身份');
    expect((await officer('revealPerson', { residentId: residentIds[0], reason: '' })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { reason: '请写明查看完整号码的原因' } });
    expect(JSON.stringify(log.data)).not.toContain(idNumber);
  });

  it('refuses a bad ID number naming the field, and writes nothing', async () => {
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', []);
    const good = anIdNumber();
    const bad = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    const answer = await officer('savePerson', { requestId: 'bad-id-0001', householdId, name: '李四', idNumber: bad, relation: 'head', job: 'employed' });
    expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { idNumber: expect.stringMatching(/校验位/) } });
    expect((await t.db.collection('residents').count()).total).toBe(0);
  });
});
