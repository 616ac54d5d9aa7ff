import { useFunctionCloud } from './function-cloud';
import { aReport, advanceClock, caseCaller, runEscalate, setClock } from '../support/case-builders';

/** Issue 4 items 5 and 7 per street: the SLA, the working calendar and template ids come from the street's config. */
describe('street case configuration', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => caseCaller(base(), userId);
  // 2026-12-07 is a Monday and a working day (no holiday or 调休 in December 2026).
  const MONDAY_9 = '2026-12-07T09:00:00+08:00';
  const oneHour = { kind: 'sign_for', unit: 'working_hours', amount: 1 };
  const dueOf = async (caseId: string) => new Date((await t.db.collection('cases').doc(caseId).get()).data[0].dueAt).toISOString();

  beforeEach(async () => setClock(base(), MONDAY_9));

  async function saveSla(over: { overrides?: unknown[]; calendar?: Record<string, unknown> }) {
    const admin = await as('user-admin');
    const current = (await admin('streetConfig', {})).data;
    const sla = { ...current.sla, overrides: over.overrides ?? [] };
    return admin('saveSla', { expectedVersion: current.slaVersion, sla, calendar: { ...current.calendar, ...over.calendar } });
  }

  it('shows the defaults with their sources until the street saves its own', async () => {
    const config = (await (await as('user-admin'))('streetConfig', {})).data;
    expect(config).toMatchObject({ streetId: 'street-demo', slaVersion: 0, sla: { overrides: [] }, calendar: { extraClosedDates: [] } });
    expect(config.sla.defaults.sign_for).toMatchObject({ unit: 'working_hours', amount: 2, reason: expect.any(String) });
  });

  it('a street that sets sign-for to 1 working hour sees a new case due 1 working hour later, and escalated then', async () => {
    expect(await saveSla({ overrides: [{ ...oneHour, reason: '街道考核要求一小时内签收' }] })).toMatchObject({ ok: true, data: { version: 1 } });
    const resident = await as('user-resident-1');
    const { caseId } = (await resident('report', aReport())).data;
    expect(await dueOf(caseId)).toBe('2026-12-07T02:00:00.000Z'); // 10:00 China time
    const stored = (await t.db.collection('cases').doc(caseId).get()).data[0];
    expect(stored.deadlineReason).toBe('街道考核要求一小时内签收');
    await advanceClock(base(), 61 * 60_000);
    expect((await runEscalate(base())).data.escalated).toBe(1);
  });

  it('an override for one category applies only to it', async () => {
    await saveSla({ overrides: [{ ...oneHour, categoryId: 'rubbish', reason: '垃圾满溢影响大' }] });
    const resident = await as('user-resident-1');
    const rubbish = (await resident('report', aReport({ categoryId: 'rubbish' }))).data.caseId;
    const clutter = (await resident('report', aReport({ categoryId: 'clutter' }))).data.caseId;
    expect(await dueOf(rubbish)).toBe('2026-12-07T02:00:00.000Z');
    expect(await dueOf(clutter)).toBe('2026-12-07T03:00:00.000Z'); // the default 2 working hours
  });

  it("a street's extra closed date pushes the deadline past it", async () => {
    await setClock(base(), '2026-12-07T16:00:00+08:00'); // 1.5 working hours left on Monday
    await saveSla({ calendar: { extraClosedDates: ['2026-12-08'] } });
    const { caseId } = (await (await as('user-resident-1'))('report', aReport())).data;
    // The remaining half hour runs on Wednesday morning, not on the closed Tuesday.
    expect(await dueOf(caseId)).toBe('2026-12-09T01:00:00.000Z'); // Wed 09:00 China time
  });

  it('an override without a reason is refused with a Chinese field error', async () => {
    const answer = await saveSla({ overrides: [{ ...oneHour, reason: '  ' }] });
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.fields['sla.overrides.0.reason']).toMatch(/依据/);
    expect((await t.db.collection('configs').doc('sla-street-demo').get()).data).toEqual([]);
  });

  it.each(['user-street', 'user-community-a', 'user-resident-1'])('%s gets FORBIDDEN and nothing changes', async (userId) => {
    const call = await as(userId);
    const sla = { overrides: [{ ...oneHour, reason: '试图修改' }] };
    expect((await call('streetConfig', {})).error.code).toBe('FORBIDDEN');
    expect((await call('saveSla', { expectedVersion: 0, sla, calendar: {} })).error.code).toBe('FORBIDDEN');
    expect((await call('saveTemplates', { expectedVersion: 1, templates: { case_assigned: { templateId: 'x', keywords: { thing1: 'category' } } } })).error.code).toBe('FORBIDDEN');
    expect((await t.db.collection('configs').doc('sla-street-demo').get()).data).toEqual([]);
    expect((await (await as('user-admin'))('streetConfig', {})).data.templatesVersion).toBe(1);
  });

  it('a stale version conflicts', async () => {
    await saveSla({});
    const admin = await as('user-admin');
    expect((await admin('saveSla', { expectedVersion: 0, sla: {}, calendar: {} })).error.code).toBe('CONFLICT');
  });

  it('a disabled sub-category is no longer offered or accepted, and stays in the administrator\'s tree', async () => {
    const admin = await as('user-admin');
    const tree = (await admin('categories', { includeDisabled: true })).data;
    const categories = tree.categories.map((c: any) => ({ ...c, children: c.children.map((k: any) => (k.id === 'clutter' ? { ...k, disabled: true } : k)) }));
    expect((await admin('saveCategories', { streetId: tree.streetId, expectedVersion: tree.version, categories })).ok).toBe(true);
    const resident = await as('user-resident-1');
    const offered = (await resident('categories', { gridId: 'grid-a1' })).data.categories.flatMap((c: any) => c.children.map((k: any) => k.id));
    expect(offered).toContain('rubbish');
    expect(offered).not.toContain('clutter');
    expect((await resident('report', aReport({ categoryId: 'clutter' }))).error.fields).toEqual({ categoryId: '请选择有效的事件分类' });
    const all = (await admin('categories', { includeDisabled: true })).data.categories.flatMap((c: any) => c.children);
    expect(all.find((k: any) => k.id === 'clutter')).toMatchObject({ disabled: true });
  });

  it('a saved template and its keywords shape the outbox messages', async () => {
    const admin = await as('user-admin');
    const { templatesVersion } = (await admin('streetConfig', {})).data;
    const assigned = { templateId: 'tpl-assigned-123', keywords: { thing2: 'summary', date3: 'time', character_string1: 'caseNo' } };
    expect((await admin('saveTemplates', { expectedVersion: templatesVersion, templates: { case_assigned: assigned } })).ok).toBe(true);
    const { caseId } = (await (await as('user-resident-1'))('report', aReport())).data;
    const { data } = await t.db.collection('notifications').where({ caseId }).get();
    expect(data.length).toBeGreaterThan(0);
    for (const n of data) {
      expect(n).toMatchObject({ template: 'tpl-assigned-123', page: `packages/staff/case/index?caseId=${caseId}` });
      expect(Object.keys(n.data).sort()).toEqual(['character_string1', 'date3', 'thing2']);
      expect(n.data.character_string1.value).toBe(caseId);
      expect(n.data.date3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    }
    // Kinds the street did not set keep the built-in template.
    expect((await admin('streetConfig', {})).data.templates).toMatchObject({ case_assigned: assigned, case_overdue: { templateId: 'TEMPLATE_CASE_TODO' } });
  });

  it.each([
    [{ no_such: { templateId: 'x', keywords: { thing1: 'category' } } }, 'templates.no_such'],
    [{ case_assigned: { templateId: 'x', keywords: { thing1: 'time' } } }, 'templates.case_assigned.keywords.thing1'],
    [{ case_assigned: { templateId: 'x', keywords: { phrase1: 'summary' } } }, 'templates.case_assigned.keywords.phrase1'],
    [{ case_assigned: { templateId: 'x', keywords: { keyword1: 'category' } } }, 'templates.case_assigned.keywords.keyword1'],
  ])('a template WeChat would refuse is not saved: %j names %s', async (templates, field) => {
    const admin = await as('user-admin');
    const { templatesVersion } = (await admin('streetConfig', {})).data;
    const answer = await admin('saveTemplates', { expectedVersion: templatesVersion, templates });
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(answer.error.fields)).toContain(field);
    expect((await admin('streetConfig', {})).data.templatesVersion).toBe(templatesVersion);
  });
});
