import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_FUNCTIONS, ensureBundlesBuilt, post, useFunctionCloud } from './function-cloud';

describe('timer run-now and the clock', () => {
  const t = useFunctionCloud();

  it('runs the heartbeat now and records the time the test clock was set to', async () => {
    await post(t.cloud.baseUrl, '/internal/clock', { set: '2026-12-01T09:30:00+08:00', freeze: true });
    const answer = await post(t.cloud.baseUrl, '/internal/timers/heartbeat/run', {});
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { at: '2026-12-01T01:30:00.000Z' } } });
    const { data } = await t.db.collection('system_heartbeats').get();
    expect(data).toHaveLength(1);
    expect(new Date(data[0].at).toISOString()).toBe('2026-12-01T01:30:00.000Z');
    expect(data[0].trigger).toBe('everyMinute');
  });

  it('moves the clock forward on request and reports it', async () => {
    // Where reset returns to: real time, or GRIDLINK_TEST_NOW's running clock (tests/support/test-now.ts).
    const start = (await (await fetch(`${t.cloud.baseUrl}/internal/clock`)).json()) as { now: string };
    const baseOffset = Date.parse(start.now) - Date.now();
    await post(t.cloud.baseUrl, '/internal/clock', { set: '2026-12-01T00:00:00Z', freeze: true });
    const answer = await post(t.cloud.baseUrl, '/internal/clock', { advanceMs: 90 * 60_000 });
    expect(answer.body).toEqual({ now: '2026-12-01T01:30:00.000Z', frozen: true });
    const reset = await post(t.cloud.baseUrl, '/internal/clock', { reset: true });
    expect(Math.abs(Date.parse(reset.body.now) - (Date.now() + baseOffset))).toBeLessThan(5_000);
  });

  it('refuses a clock command it does not understand, in Chinese', async () => {
    const answer = await post(t.cloud.baseUrl, '/internal/clock', { set: 'next tuesday' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', fields: { set: '设置时间 格式不正确' } } } });
  });

  it('answers run-now for a function that does not exist with 404', async () => {
    expect((await post(t.cloud.baseUrl, '/internal/timers/nothing/run', {})).status).toBe(404);
  });
});

describe('scheduled triggers', () => {
  // The real heartbeat bundle, redeployed with a trigger every second so the test need not wait a minute.
  ensureBundlesBuilt();
  const functionsDir = mkdtempSync(join(tmpdir(), 'gridlink-timers-'));
  cpSync(join(BUILT_FUNCTIONS, 'heartbeat'), join(functionsDir, 'heartbeat'), { recursive: true });
  writeFileSync(join(functionsDir, 'heartbeat', 'config.json'), JSON.stringify({ triggers: [{ name: 'everySecond', type: 'timer', config: '* * * * * * *' }] }));
  afterAll(() => rmSync(functionsDir, { recursive: true, force: true }));

  const t = useFunctionCloud({ functionsDir, timersEnabled: true });

  it('fires a trigger on its schedule without anyone asking', async () => {
    const deadline = Date.now() + 5_000;
    let count = 0;
    while (Date.now() < deadline && count === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      count = (await t.db.collection('system_heartbeats').where({ trigger: 'everySecond' }).count()).total;
    }
    expect(count).toBeGreaterThan(0);
  });
});
