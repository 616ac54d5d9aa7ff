import { chinaInstant } from '../../src/domain/calendar';
import { aReport } from '../support/case-builders';
import { newRequestId } from '../support/org-builders';
import { anIdNumber, functionAs, householdWith, registerAs, type RegisterCallFn } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';
import { found } from '../support/contract-call';

/**
 * Issue 15 item 5: confirming a drafted change APPLIES it to the household in one step with the change
 * record and its 交接单 — a new member added (迁入/新流入/出生), a person leaving (迁出/死亡, as movePerson),
 * a tenancy (新租户), care groups (特殊群体变更). What the draft lacks the worker gives, refused field by
 * field in Chinese with nothing written; the same request twice (a retry, or two taps at once) applies
 * once. A resident's 人口房屋变动 report drafts an address-only change the worker places on a household;
 * the resident sees none of it and is refused every register action.
 */
describe('confirming a drafted change applies it', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const doc = async (collection: string, id: string) => (await t.db.collection(collection).doc(id).get()).data[0] as any;
  const where = async (collection: string, w: Record<string, unknown>) => (await t.db.collection(collection).where(w).limit(1000).get()).data as any[];

  /** A household of two in grid A1, and a visit by its worker noting `registerChange`; returns the draft. */
  async function visitNoting(officer: RegisterCallFn, registerChange: (ids: string[]) => Record<string, unknown>) {
    const { householdId, residentIds } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }, { name: '张伟', relation: 'spouse', idNumber: anIdNumber('19460101', '051'), phone: '13955667799' }]);
    const visits = await functionAs(base(), 'user-officer-a1', 'worklog');
    const visit = await visits('recordVisit', { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', householdId, notes: '走访时得知', registerChange: registerChange(residentIds) });
    if (!visit.ok) throw new Error(JSON.stringify(visit.error));
    const [draft] = (await officer('drafts', {})).data.items;
    return { householdId, residentIds, draft };
  }

  it('迁入: the form must name the person (Chinese field errors, nothing written); confirmed twice at once, one person is added', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, draft } = await visitNoting(officer, () => ({ kind: 'move_in', subject: '李明' }));
    expect(draft).toMatchObject({ summary: '李明：迁入', householdId, state: 'draft' });
    const base1 = { changeId: draft.changeId, expectedVersion: draft.version, requestId: newRequestId('confirm') };

    const refusals = [
      [{}, { name: '请填写新登记人员的姓名' }],
      [{ name: '李明' }, { relation: '请选择与户主关系' }],
      [{ name: '李明', relation: 'child' }, { job: '请选择就业状况' }],
      [{ name: '李明', relation: 'child', job: 'employed', sex: 'male', birthDate: '1990-05-01' }, { idNumber: '请填写身份证号（只有新生儿可以暂不填写）' }],
      [{ name: '李明', relation: 'child', job: 'employed', idNumber: '340102199005011230' }, { idNumber: expect.any(String) }],
      [{ name: '李明', relation: 'child', job: 'employed', idNumber: anIdNumber('19450312', '042') }, { idNumber: '该身份证号已登记' }],
    ] as const;
    for (const [more, fields] of refusals) {
      const answer = await officer('confirmChange', { ...base1, ...more });
      expect(answer.error).toMatchObject({ fields });
    }
    expect(await doc('register_changes', draft.changeId)).toMatchObject({ state: 'draft', version: 1 });
    expect(await where('residents', { householdId })).toHaveLength(2);

    const form = { ...base1, name: '李明', relation: 'child', job: 'employed', idNumber: anIdNumber('19900501', '123'), phone: '13812345678' };
    const [a, b] = await Promise.all([officer('confirmChange', form), officer('confirmChange', form)]);
    expect(a).toMatchObject({ ok: true, data: { id: draft.changeId, version: 2 } });
    expect(b).toMatchObject({ ok: true, data: { id: draft.changeId, version: 2, residentId: a.data.residentId } });
    // A retry the next day (the answer was lost): answered as done, nothing applied again.
    t.cloud.clock.set(chinaInstant('2026-12-02', '09:00'));
    expect(await officer('confirmChange', form)).toMatchObject({ ok: true, data: { version: 2, residentId: a.data.residentId } });

    const people = await where('residents', { householdId, status: 'active' });
    expect(people.map((p) => p.name).sort()).toEqual(['张伟', '李明', '王芳'].sort());
    const added = people.find((p) => p.name === '李明');
    expect(added).toMatchObject({ _id: a.data.residentId, relation: 'child', sex: 'male', birthDate: '1990-05-01', memberships: [{ householdId, from: '2026-12-01' }] });
    // Sealed like any person of the register: no plain ID number or phone on the row.
    expect(JSON.stringify(added)).not.toContain('13812345678');
    expect(JSON.stringify(added)).not.toContain(form.idNumber);
    expect(await doc('households', householdId)).toMatchObject({ memberCount: 3 });
    expect(await doc('register_changes', draft.changeId)).toMatchObject({ state: 'recorded', residentId: a.data.residentId, summary: '李明：迁入', handover: { state: 'pending' } });
    expect((await doc('grids', 'grid-a1')).registerCounts).toMatchObject({ population: 3 });
    expect(await where('audit_logs', { action: 'register.confirmChange', 'target.id': a.data.residentId })).toHaveLength(1);
    // The community now has the 交接单; another request id for the same draft is refused, not applied again.
    const staff = await registerAs(base(), 'user-community-a');
    expect((await staff('changes', {})).data.items.map((c: any) => c.changeId)).toContain(draft.changeId);
    expect((await officer('confirmChange', { ...form, requestId: newRequestId('confirm') })).error.code).toBe('CONFLICT');
    expect(await where('residents', { householdId })).toHaveLength(3);
  });

  it('迁出 and 死亡 take the movePerson path: the person leaves once, the household and counts follow', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds, draft } = await visitNoting(officer, (ids) => ({ kind: 'move_out', subject: '王芳', residentId: ids[0] }));
    const form = { changeId: draft.changeId, expectedVersion: draft.version, requestId: newRequestId('confirm') };
    expect(await officer('confirmChange', { ...form, occurredOn: '2026-12-05' })).toMatchObject({ error: { fields: { occurredOn: '发生日期不能晚于今天' } } });
    const done = await officer('confirmChange', form);
    expect(done).toMatchObject({ ok: true, data: { residentId: residentIds[0] } });
    expect(await officer('confirmChange', form)).toMatchObject({ ok: true, data: { version: done.data.version } });
    const left = await doc('residents', residentIds[0]);
    expect(left).toMatchObject({ status: 'moved_away', leftOn: '2026-12-01', version: 2 });
    expect(left.memberships.at(-1)).toMatchObject({ householdId, to: '2026-12-01' });
    // The head left: the household has one member and no head until the worker names one.
    expect(await doc('households', householdId)).toMatchObject({ memberCount: 1, headResidentId: null });
    expect((await doc('grids', 'grid-a1')).registerCounts).toMatchObject({ population: 1 });
    expect(await where('register_changes', { residentId: residentIds[0] })).toHaveLength(1);

    // A death noted without naming who: the worker picks the person; someone of another household is refused.
    const visits = await functionAs(base(), 'user-officer-a1', 'worklog');
    expect((await visits('recordVisit', { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', householdId, notes: '老人去世', registerChange: { kind: 'death', subject: '张伟' } })).ok).toBe(true);
    const [death] = (await officer('drafts', {})).data.items;
    const deathForm = { changeId: death.changeId, expectedVersion: death.version, requestId: newRequestId('confirm') };
    expect((await officer('confirmChange', deathForm)).error).toMatchObject({ fields: { residentId: '请选择去世的人员' } });
    expect((await officer('confirmChange', { ...deathForm, residentId: residentIds[0] })).error).toMatchObject({ fields: { residentId: '此人不是这一户的在册人员' } });
    expect((await officer('confirmChange', { ...deathForm, residentId: residentIds[1] })).ok).toBe(true);
    expect(await doc('residents', residentIds[1])).toMatchObject({ status: 'deceased', leftOn: '2026-12-01' });
    expect(await doc('households', householdId)).toMatchObject({ memberCount: 0 });
    expect(await doc('register_changes', death.changeId)).toMatchObject({ state: 'recorded', residentId: residentIds[1], summary: '张伟：死亡' });
  });

  it('新租户 makes the tenant and the tenancy (the household becomes 出租); 特殊群体变更 sets the groups', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds, draft } = await visitNoting(officer, () => ({ kind: 'new_tenant', subject: '新租户' }));
    const form = { changeId: draft.changeId, expectedVersion: draft.version, requestId: newRequestId('confirm') };
    const tenant = { name: '赵强', idNumber: anIdNumber('19950203', '071'), job: 'employed' };
    expect((await officer('confirmChange', { ...form, ...tenant })).error).toMatchObject({ fields: { landlordName: '请填写房东姓名' } });
    const done = await officer('confirmChange', { ...form, ...tenant, landlordName: '王芳' });
    expect(done.ok).toBe(true);
    const tenantId = found(done.data.residentId, 'the new tenant\'s resident id');
    expect(await doc('residents', tenantId)).toMatchObject({ name: '赵强', relation: 'tenant', arrivedOn: '2026-12-01' });
    expect(await where('tenancies', { householdId })).toMatchObject([{ landlordName: '王芳', tenantResidentIds: [tenantId], moveInOn: '2026-12-01' }]);
    expect(await doc('households', householdId)).toMatchObject({ tenure: 'rented', memberCount: 3 });
    expect(await officer('confirmChange', { ...form, ...tenant, landlordName: '王芳' })).toMatchObject({ ok: true });
    expect(await where('tenancies', { householdId })).toHaveLength(1);

    const visits = await functionAs(base(), 'user-officer-a1', 'worklog');
    expect((await visits('recordVisit', { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', householdId, notes: '老伴搬走后独居', registerChange: { kind: 'flag_change', subject: '王芳', residentId: residentIds[0] } })).ok).toBe(true);
    const [flag] = (await officer('drafts', {})).data.items;
    const flagForm = { changeId: flag.changeId, expectedVersion: flag.version, requestId: newRequestId('confirm') };
    expect((await officer('confirmChange', flagForm)).error).toMatchObject({ fields: { flags: expect.stringContaining('请选择') } });
    expect((await officer('confirmChange', { ...flagForm, flags: ['no_such_group'] })).error).toMatchObject({ fields: { flags: '包含不存在或您无权标记的群体' } });
    expect((await officer('confirmChange', { ...flagForm, flags: ['elderly_alone'] })).ok).toBe(true);
    expect(await doc('residents', residentIds[0])).toMatchObject({ careFlags: ['elderly_alone'] });
    expect((await doc('households', householdId)).careFlags).toEqual(['elderly_alone']);
  });

  it("a resident's 人口房屋变动 report drafts an address-only change for the grid's worker, who places it on a household; the resident is refused the register", async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const resident = await functionAs(base(), 'user-resident-1', 'case');
    const report = aReport({ categoryId: 'population_change', description: '3栋301搬来一户新邻居', location: { address: '肥东路12号3栋301' } });
    const filed = await resident('report', report);
    expect(filed.ok).toBe(true);
    // The answer carries nothing of the register.
    expect(Object.keys(filed.data).sort()).toEqual(['caseId', 'created', 'state', 'version']);
    expect((await resident('report', report)).data).toMatchObject({ caseId: filed.data.caseId, created: false });
    // Other categories draft nothing.
    expect((await resident('report', aReport())).ok).toBe(true);

    const drafts = (await officer('drafts', {})).data.items;
    expect(drafts).toHaveLength(1);
    const [draft] = drafts;
    expect(draft).toMatchObject({ gridId: 'grid-a1', reportedAddress: '肥东路12号3栋301', sourceLabel: '来自事件上报', state: 'draft', summary: '居民上报：3栋301搬来一户新邻居' });
    expect(draft.householdId).toBeUndefined();
    expect((await (await registerAs(base(), 'user-officer-a2'))('drafts', {})).data.items).toEqual([]);

    // The resident is refused every register action, this draft included.
    const residentRegister = await registerAs(base(), 'user-resident-1');
    for (const [action, data] of [
      ['drafts', {}],
      ['changes', {}],
      ['households', {}],
      ['household', { householdId }],
      ['confirmChange', { changeId: draft.changeId, expectedVersion: 1, householdId, kind: 'move_in', name: '李明', relation: 'tenant', job: 'employed', idNumber: anIdNumber('19900501', '123') }],
      ['dismissChange', { changeId: draft.changeId, expectedVersion: 1 }],
    ] as const) {
      expect([action, (await residentRegister(action, data)).error?.code]).toEqual([action, 'FORBIDDEN']);
    }

    const form = { changeId: draft.changeId, expectedVersion: draft.version, requestId: newRequestId('confirm') };
    expect((await officer('confirmChange', form)).error).toMatchObject({ code: 'INVALID_INPUT', fields: { householdId: '请选择发生变动的住户' } });
    const other = await householdWith(await registerAs(base(), 'user-officer-a2'), 'grid-a2', [{ name: '周敏', idNumber: anIdNumber('19700101', '011') }]);
    expect((await officer('confirmChange', { ...form, householdId: other.householdId })).error.code).toBe('FORBIDDEN');
    const done = await officer('confirmChange', { ...form, householdId, kind: 'move_in', name: '李明', relation: 'tenant', job: 'employed', idNumber: anIdNumber('19900501', '123') });
    expect(done.ok).toBe(true);
    expect(await doc('register_changes', draft.changeId)).toMatchObject({ state: 'recorded', householdId, kind: 'move_in', summary: '李明：迁入', reportedAddress: '肥东路12号3栋301' });
    expect(await doc('households', householdId)).toMatchObject({ memberCount: 2 });
  });
  it('a patrol finding of 人口房屋变动 with 户况有变动 drafts a change on the named household (a missing kind is named); the visit form\'s note likewise', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const patrol = await functionAs(base(), 'user-officer-a1', 'patrol');
    const started = await patrol('start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' });
    const finding = { patrolId: started.data.patrol.patrolId, requestId: newRequestId('find'), categoryId: 'population_change', description: '八必报：居民房屋出租', location: { address: '肥东路12号3栋301' } };
    expect((await patrol('fileCase', { ...finding, register: { householdId, subject: '新租户' } })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'register.kind': expect.any(String) } });
    expect((await patrol('fileCase', { ...finding, register: { householdId: '', kind: 'new_tenant', subject: '新租户' } })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'register.householdId': expect.any(String) } });
    expect(await where('cases', {})).toHaveLength(0);
    const filed = await patrol('fileCase', { ...finding, register: { householdId, kind: 'new_tenant', subject: '新租户' } });
    expect(filed.ok).toBe(true);
    // Named household: one draft on it, no address-only draft besides.
    expect((await officer('drafts', {})).data.items.map((c: any) => [c.summary, c.householdId, c.sourceLabel])).toEqual([['新租户：新租户', householdId, '来自事件上报']]);
    // Without the note (or from the shared 我要上报 page): an address-only draft, said as the worker's, the household picked on confirming.
    expect((await patrol('fileCase', { ...finding, requestId: newRequestId('find'), description: '5栋102有人搬走' })).ok).toBe(true);
    const drafted = (await officer('drafts', {})).data.items.filter((c: any) => c.householdId === undefined);
    expect(drafted.map((c: any) => [c.summary, c.reportedAddress])).toEqual([['事件上报：5栋102有人搬走', '肥东路12号3栋301']]);

    const visits = await functionAs(base(), 'user-officer-a1', 'worklog');
    const visit = { requestId: newRequestId('visit'), gridId: 'grid-a1', kind: 'routine', householdId, notes: '走访' };
    expect((await visits('recordVisit', { ...visit, registerChange: { subject: '王芳' } })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'registerChange.kind': expect.any(String) } });
    expect((await visits('recordVisit', { ...visit, registerChange: { kind: 'death', subject: '' } })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'registerChange.subject': '请填写涉及的人员' } });
    expect((await officer('drafts', {})).data.items).toHaveLength(2);
  });
});
