import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_FUNCTIONS, callFunction, ensureBundlesBuilt, post, useFunctionCloud } from './function-cloud';

// A deploy folder with the real user bundle plus one that crashes, to show a crash stays contained.
ensureBundlesBuilt();
const functionsDir = mkdtempSync(join(tmpdir(), 'gridlink-fns-'));
cpSync(join(BUILT_FUNCTIONS, 'user'), join(functionsDir, 'user'), { recursive: true });
mkdirSync(join(functionsDir, 'crash'));
writeFileSync(join(functionsDir, 'crash', 'index.js'), "exports.main = async () => { throw new Error('disk on fire'); };\n");
afterAll(() => rmSync(functionsDir, { recursive: true, force: true }));

describe('function gateway', () => {
  const t = useFunctionCloud({ functionsDir });
  const base = () => t.cloud.baseUrl;
  const userCount = async () => (await t.db.collection('users').count()).total;

  it('answers malformed JSON with 400 and a Chinese message, writes nothing, and keeps serving', async () => {
    const before = await userCount();
    const answer = await post(base(), '/api/fn/user', '{"action":"updatePrefs","data":{"fontScale":');
    expect(answer).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' } } });
    expect(await userCount()).toBe(before);
    expect((await callFunction(base(), 'user', 'me', {})).body.ok).toBe(true);
  });

  it('refuses a JSON body that is not an object', async () => {
    const answer = await post(base(), '/api/fn/user', '[1,2]');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_INPUT');
  });

  it('answers an unknown function with 404 naming it', async () => {
    const answer = await post(base(), '/api/fn/payroll', { action: 'list', data: {} });
    expect(answer).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: '找不到云函数“payroll”' } } });
  });

  it('turns a crashing function into INTERNAL without the real error, and serves the next request', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await post(base(), '/api/fn/crash', { action: 'go', data: {} });
    expect(answer).toMatchObject({ status: 500, body: { ok: false, error: { code: 'INTERNAL' } } });
    expect(JSON.stringify(answer.body)).not.toContain('disk on fire');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect((await callFunction(base(), 'user', 'me', {})).status).toBe(200);
  });

  it('rejects a forged session cookie by treating the caller as a new visitor', async () => {
    const forged = `gl_session=${Buffer.from('demo-admin').toString('base64url')}.not-a-signature`;
    const answer = await callFunction(base(), 'user', 'me', {}, forged);
    expect(answer.body.data).toMatchObject({ registered: false, name: '访客' });
  });

  it('logs in only seeded users and lists them with Chinese role labels', async () => {
    expect((await post(base(), '/internal/login', { userId: 'user-nobody' })).status).toBe(404);
    const bad = await post(base(), '/internal/login', {});
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', fields: { userId: '用户编号 不能为空' } } } });
    const users = (await (await fetch(`${base()}/internal/users`)).json()) as Array<{ userId: string; roleLabels: string[] }>;
    expect(users.find((u) => u.userId === 'user-officer-a1')).toEqual({
      userId: 'user-officer-a1',
      openid: 'demo-officer-a1',
      name: '张丽',
      roleLabels: ['网格员', '志愿者'],
    });
  });
});
