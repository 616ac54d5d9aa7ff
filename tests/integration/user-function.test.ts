import type { Database } from '../../cloudfunctions/_lib/app';
import { usersOf } from '../../cloudfunctions/_lib/caller';
import { callFunction, loginAs, useFunctionCloud } from './function-cloud';

describe('user function through the gateway and the real SDK', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const officerA1 = async () => (await t.db.collection('users').doc('user-officer-a1').get()).data[0];

  it('tells the grid officer of A1 who she is, with her roles and preferences', async () => {
    const cookie = await loginAs(base(), 'user-officer-a1');
    const { status, body } = await callFunction(base(), 'user', 'me', {}, cookie);
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      data: {
        userId: 'user-officer-a1',
        name: '张丽',
        registered: true,
        prefs: { fontScale: 'standard' },
        roles: [
          { role: 'grid_officer', streetId: 'street-demo', communityId: 'community-a', gridIds: ['grid-a1'] },
          { role: 'volunteer', streetId: 'street-demo', communityId: 'community-a' },
        ],
      },
    });
  });

  it('greets a first-time visitor as 访客 and gives them a session of their own', async () => {
    const answer = await callFunction(base(), 'user', 'me', {});
    expect(answer.body.data).toEqual({ userId: '', name: '访客', roles: [], prefs: { fontScale: 'standard' }, registered: false });
    expect(answer.setCookie).toMatch(/^gl_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it('saves an elderly resident\'s larger text size and bumps the record version', async () => {
    const cookie = await loginAs(base(), 'user-officer-a1');
    const { body } = await callFunction(base(), 'user', 'updatePrefs', { fontScale: 'xlarge' }, cookie);
    expect(body).toEqual({ ok: true, data: { fontScale: 'xlarge', version: 2 } });
    expect(await officerA1()).toMatchObject({ prefs: { fontScale: 'xlarge' }, version: 2 });
  });

  it('creates a resident record for a visitor on their first saved preference', async () => {
    const first = await callFunction(base(), 'user', 'updatePrefs', { fontScale: 'large' });
    const cookie = first.setCookie!.split(';')[0];
    expect(first.body).toEqual({ ok: true, data: { fontScale: 'large', version: 1 } });
    const me = await callFunction(base(), 'user', 'me', {}, cookie);
    expect(me.body.data).toMatchObject({ registered: true, name: '居民', prefs: { fontScale: 'large' } });
  });

  it('lets only one of two writers holding the same version win; the other gets CONFLICT', async () => {
    const stale = await officerA1();
    const users = usersOf(t.db as unknown as Database);
    await users.update(stale, { 'prefs.fontScale': 'large' });
    const second = users.update(stale, { 'prefs.fontScale': 'xlarge' });
    await expect(second).rejects.toMatchObject({ code: 'CONFLICT', message: '数据已被其他操作修改，请刷新后重试' });
    expect(await officerA1()).toMatchObject({ version: 2, prefs: { fontScale: 'large' } });
  });

  it('never loses an update when many arrive at once: each either lands or answers CONFLICT', async () => {
    const cookie = await loginAs(base(), 'user-officer-a1');
    const scales = ['large', 'xlarge', 'standard', 'large', 'xlarge', 'standard', 'large', 'xlarge'];
    const answers = await Promise.all(scales.map((fontScale) => callFunction(base(), 'user', 'updatePrefs', { fontScale }, cookie)));
    const landed = answers.filter((a) => a.body.ok);
    expect(answers.filter((a) => !a.body.ok).every((a) => a.body.error.code === 'CONFLICT')).toBe(true);
    // Every successful write bumped the version exactly once, and they saw distinct versions.
    expect(new Set(landed.map((a) => a.body.data.version)).size).toBe(landed.length);
    expect((await officerA1()).version).toBe(1 + landed.length);
  });

  it('ignores an openid in the payload: the caller stays who the session says', async () => {
    const cookie = await loginAs(base(), 'user-resident-1');
    const me = await callFunction(base(), 'user', 'me', { openid: 'demo-admin' }, cookie);
    expect(me.body.data).toMatchObject({ userId: 'user-resident-1', name: '徐大爷' });
    const write = await callFunction(base(), 'user', 'updatePrefs', { fontScale: 'large', openid: 'demo-admin' }, cookie);
    expect(write.body.ok).toBe(true);
    expect((await t.db.collection('users').doc('user-admin').get()).data[0]).toMatchObject({ version: 1, prefs: { fontScale: 'standard' } });
  });

  it('refuses a text size that does not exist, naming the field in Chinese, and writes nothing', async () => {
    const cookie = await loginAs(base(), 'user-officer-a1');
    const { status, body } = await callFunction(base(), 'user', 'updatePrefs', { fontScale: 'huge' }, cookie);
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '输入有误：字号 不在可选范围内', fields: { fontScale: '字号 不在可选范围内' } },
    });
    expect(await officerA1()).toMatchObject({ version: 1, prefs: { fontScale: 'standard' } });
    expect((await callFunction(base(), 'user', 'me', {}, cookie)).body.ok).toBe(true);
  });

  it('answers an unknown action in plain words, without listing the actions that exist (issue 8 item 4)', async () => {
    const { body } = await callFunction(base(), 'user', 'deleteEveryone', {});
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.fields.action).toContain('请更新到最新版本');
    expect(body.error.fields.action).not.toContain('updatePrefs');
  });
});
