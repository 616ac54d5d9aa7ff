import { meOutputSchema, type ActionOutput } from '../../src/domain/api';
import { useFunctionCloud, callFunction, loginAs } from './function-cloud';
import { aReport, caseCaller, setClock, type CaseCall } from '../support/case-builders';
import { jpegBytes } from '../support/org-builders';

/**
 * Issue 8 item 1: a visitor with no account (the gateway's anonymous session, as WeChat's openid for a
 * first-time user) reports from the grid's QR code; their first write makes them a resident on record.
 */
type MeOutput = ActionOutput<'user', 'me'>;

describe('a first-time visitor reports a problem', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  /** A fresh browser: the first call of the session hands out an anonymous identity cookie. */
  async function visitor(): Promise<{ call: CaseCall; me: () => Promise<MeOutput> }> {
    const first = await callFunction(base(), 'user', 'me', {});
    const cookie = (first.setCookie ?? '').split(';')[0];
    if (!cookie) throw new Error('the gateway handed out no session cookie');
    const call: CaseCall = async (action, data) => (await callFunction(base(), 'case', action, data, cookie)).body;
    // Parsed by the contract's output schema: the answer is asserted, not assumed.
    const me = async () => meOutputSchema.parse((await callFunction(base(), 'user', 'me', {}, cookie)).body.data);
    return { call, me };
  }

  beforeEach(async () => setClock(base(), '2026-12-07T09:00:00+08:00'));

  it('uploads a photo and files a report with no account, then finds it under 我的上报; the grid officer sees it', async () => {
    const before = (await t.db.collection('users').get()).data.length;
    const v = await visitor();
    expect((await v.me()).registered).toBe(false);

    const upload = await v.call('uploadPhoto', { mimeType: 'image/jpeg', dataBase64: jpegBytes().toString('base64') });
    expect(upload.ok).toBe(true);
    const filed = await v.call('report', aReport({ photos: [upload.data.fileId] }));
    expect(filed).toMatchObject({ ok: true, data: { created: true, state: 'reported' } });

    const users = (await t.db.collection('users').get()).data as Array<{ _id: string; openid: string; roles: unknown[]; name: string }>;
    expect(users).toHaveLength(before + 1);
    const created = users.find((u) => u._id === `u-${u.openid}` && u.roles.length === 0 && u.name === '居民');
    expect(created).toBeDefined();

    expect(await v.me()).toMatchObject({ registered: true, name: '居民', roles: [] });
    const mine = await v.call('mine', {});
    expect(mine.data.cases.map((c: { caseId: string }) => c.caseId)).toEqual([filed.data.caseId]);
    const officer = await caseCaller(base(), 'user-officer-a1');
    expect((await officer('inbox', {})).data.cases.map((c: { caseId: string }) => c.caseId)).toContain(filed.data.caseId);
    const detail = await officer('detail', { caseId: filed.data.caseId });
    expect(detail.data.photoUrls).toHaveLength(1);
  });

  it('a refused photo or a report to no real grid leaves no record behind', async () => {
    const before = (await t.db.collection('users').get()).data.length;
    const v = await visitor();
    const badPhoto = await v.call('uploadPhoto', { mimeType: 'image/jpeg', dataBase64: Buffer.from('not an image').toString('base64') });
    expect(badPhoto.error.code).toBe('INVALID_INPUT');
    const noGrid = await v.call('report', aReport({ gridId: 'grid-nowhere' }));
    expect(noGrid.error.code).toBe('NOT_FOUND');
    expect((await t.db.collection('users').get()).data).toHaveLength(before);
  });

  it('two first reports at once make one resident, each report filed once', async () => {
    const before = (await t.db.collection('users').get()).data.length;
    const v = await visitor();
    const [a, b] = await Promise.all([v.call('report', aReport()), v.call('report', aReport())]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect((await t.db.collection('users').get()).data).toHaveLength(before + 1);
    expect((await v.call('mine', {})).data.cases).toHaveLength(2);
  });

  it('a seeded resident keeps their own record (no second one is made)', async () => {
    const before = (await t.db.collection('users').get()).data.length;
    const resident = await caseCaller(base(), 'user-resident-1');
    expect((await resident('report', aReport())).ok).toBe(true);
    expect((await t.db.collection('users').get()).data).toHaveLength(before);
    expect(await loginAs(base(), 'user-resident-1')).toMatch(/=/);
  });
});
