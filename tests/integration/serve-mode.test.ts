import { callFunction, post, useFunctionCloud } from './function-cloud';

describe("serve mode (what a shared demo server runs)", () => {
  const t = useFunctionCloud({ mode: 'serve' });

  it.each([
    ['GET', '/internal/users'],
    ['POST', '/internal/login'],
    ['GET', '/internal/clock'],
    ['POST', '/internal/clock'],
    ['GET', '/internal/timers'],
    ['POST', '/internal/timers/heartbeat/run'],
    ['POST', '/internal/reset'],
  ])('has no test control at %s %s', async (method, path) => {
    const res = await fetch(`${t.cloud.baseUrl}${path}`, { method, body: method === 'POST' ? JSON.stringify({ userId: 'user-admin', set: '2030-01-01T00:00:00Z' }) : undefined });
    expect(res.status).toBe(404);
  });

  it('still runs functions for visitors', async () => {
    const answer = await callFunction(t.cloud.baseUrl, 'user', 'me', {});
    expect(answer.body).toMatchObject({ ok: true, data: { registered: false } });
    expect((await post(t.cloud.baseUrl, '/api/fn/user', '{oops')).status).toBe(400);
  });
});
