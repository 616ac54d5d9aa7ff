import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { jpegBytes, photoOf, signedInAs } from '../support/org-builders';
import { useFunctionCloud } from './function-cloud';

/** Issue 10 item 8: every staff write of personal data appends who, when, what and before/after hashes. */
describe('audit trail', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const trail = async () => (await t.db.collection('audit_logs').limit(1000).get()).data as any[];
  const edit = (personId: string, name: string, phone: string, expectedVersion = 1) => ({ personId, expectedVersion, name, phone, duties: '日常巡查' });

  it('records people, phone, photo and grid-duty changes by whom and when, with differing hashes, and nothing for a refused write', async () => {
    await (await signedInAs(base(), 'user-community-b'))('savePerson', edit('person-officer-a1', '张丽', '13900009999'));
    expect(await trail()).toEqual([]);

    const staffA = await signedInAs(base(), 'user-community-a');
    expect((await staffA('savePerson', edit('person-officer-a2', '李强', '13912345678'))).ok).toBe(true);
    expect((await staffA('uploadPersonPhoto', photoOf('person-officer-a2', jpegBytes()))).ok).toBe(true);
    const grid = (await staffA('gridDetail', { gridId: 'grid-a2' })).data;
    expect((await staffA('setGridMembers', { gridId: 'grid-a2', expectedVersion: grid.version, members: grid.members.slice(1) })).ok).toBe(true);
    const created = await staffA('savePerson', { requestId: 'audit-person-0001', name: '钱进', phone: '13905519999', duties: '' });

    const admin = await signedInAs(base(), 'user-admin');
    const log = await admin('auditLog', { limit: 50 });
    expect(log.ok).toBe(true);
    const entries = log.data.entries as any[];
    expect(entries.map((e) => [e.action, e.targetId, e.byName, e.fields]).sort()).toEqual(
      [
        ['org.savePerson', 'person-officer-a2', '刘建国', ['duties', 'phone']],
        ['org.uploadPersonPhoto', 'person-officer-a2', '刘建国', ['photoFileId']],
        ['org.setGridMembers', 'grid-a2', '刘建国', ['members']],
        ['org.savePerson', created.data.id, '刘建国', ['duties', 'name', 'phone']],
      ].sort(),
    );
    for (const e of entries) {
      expect(e.afterHash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.beforeHash).not.toBe(e.afterHash);
      expect(e.actionLabel).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(entries.find((e) => e.targetId === created.data.id).beforeHash).toBe('');
    // The trail holds hashes, not the numbers themselves.
    expect(JSON.stringify(await trail())).not.toContain('13912345678');
  });

  it('lets only street admins read and export it, page by page', async () => {
    const staffA = await signedInAs(base(), 'user-community-a');
    for (let i = 0; i < 3; i++) expect((await staffA('savePerson', edit('person-officer-a2', '李强', `1391234567${i}`, i + 1))).ok).toBe(true);
    for (const who of ['user-community-a', 'user-officer-a1', 'user-street', 'user-resident-1']) {
      const caller = await signedInAs(base(), who);
      expect([who, (await caller('auditLog', { limit: 10 })).error?.code, (await caller('exportAudit', {})).error?.code]).toEqual([who, 'FORBIDDEN', 'FORBIDDEN']);
    }
    const admin = await signedInAs(base(), 'user-admin');
    const first = await admin('auditLog', { limit: 2 });
    expect(first.data.entries).toHaveLength(2);
    const second = await admin('auditLog', { limit: 2, after: first.data.next });
    expect(second.data.entries).toHaveLength(1);
    expect(second.data.next).toBeNull();
    expect(new Set([...first.data.entries, ...second.data.entries].map((e: any) => e.auditId)).size).toBe(3);
    const exported = await admin('exportAudit', {});
    expect(exported.data.rows).toBe(3);
    expect((await fetch(exported.data.url)).status).toBe(200);
  });

  it('is append-only: no function code updates or removes audit entries', () => {
    const root = resolve(__dirname, '..', '..', 'cloudfunctions');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const touching = files(root).filter((f) => /audit_logs|AUDIT_COLLECTION/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f)).sort();
    expect(touching).toEqual(['_lib/audit.ts', '_lib/index.ts', 'org/audit.ts']);
    // Any statement on the audit collection: add, where, get — never update, remove or set (doc().set).
    const writesBesidesAdd = /collection\((?:AUDIT_COLLECTION|'audit_logs')\)[^;]*\.(update|remove|set)\(/;
    for (const f of touching) expect([f, writesBesidesAdd.test(readFileSync(join(root, f), 'utf8'))]).toEqual([f, false]);
    expect(writesBesidesAdd.test("db.collection(AUDIT_COLLECTION).where({ _id }).update({ x: 1 });")).toBe(true);
  });
});
