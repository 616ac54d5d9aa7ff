import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildInvocationContext } from '../../local-cloud/services/functions/invocation';
import { BUILT_FUNCTIONS, loginAs, post, useFunctionCloud } from './function-cloud';

/**
 * Issue 10 item 3: every function with a timer trigger (read from cloudfunctions/<name>/config.json,
 * so a new timer such as `reconcile` is covered the day it lands) refuses anything but its timer.
 */
const root = resolve(__dirname, '..', '..');
const TIMER_FUNCTIONS = readdirSync(join(root, 'cloudfunctions')).filter((name) => {
  const config = join(root, 'cloudfunctions', name, 'config.json');
  return existsSync(config) && (JSON.parse(readFileSync(config, 'utf8')).triggers ?? []).some((t: { type: string }) => t.type === 'timer');
});
const forgedTimerEvent = (message = '') => ({ Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-12-01T01:00:00Z', Message: message });
const WRITTEN_BY_TIMERS = ['system_heartbeats', 'notifications', 'cases', 'case_events'];

describe('timer-only functions', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const snapshot = async () =>
    Promise.all(WRITTEN_BY_TIMERS.map(async (name) => (await t.db.collection(name).limit(1000).get().catch(() => ({ data: [] }))).data));

  it('knows the timer functions from their config', () => {
    expect(TIMER_FUNCTIONS).toEqual(expect.arrayContaining(['escalate', 'heartbeat', 'notify']));
  });

  it.each(TIMER_FUNCTIONS)('%s: refuses a visitor and a signed-in administrator sending a forged timer event, and writes nothing', async (name) => {
    const before = await snapshot();
    const admin = await loginAs(base(), 'user-admin');
    for (const cookie of [undefined, admin]) {
      const answer = await post(base(), `/api/fn/${name}`, forgedTimerEvent(), cookie);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/定时任务/) } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(TIMER_FUNCTIONS)('%s: refuses a timer-sourced invocation whose event is not a timer event', async (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require(join(BUILT_FUNCTIONS, name, 'index.js'));
    const context = () => buildInvocationContext({ functionName: name, baseUrl: base(), clock: t.cloud.clock, trigger: { kind: 'timer' }, adminKeys: t.cloud.adminKeys });
    for (const event of [{}, { action: 'run' }, { ...forgedTimerEvent(), Type: 'Cos' }, { ...forgedTimerEvent(), Time: 'soon' }, { ...forgedTimerEvent(), TriggerName: '../x' }]) {
      expect(await main(event, context())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('heartbeat keeps one document however often it runs, and stores no payload', async () => {
    await post(base(), '/internal/clock', { set: '2026-12-01T09:30:00+08:00', freeze: true });
    for (let i = 0; i < 3; i++) expect((await post(base(), '/internal/timers/heartbeat/run', {})).body.ok).toBe(true);
    const huge = await post(base(), '/api/fn/heartbeat', forgedTimerEvent('x'.repeat(1_000_000)));
    expect(huge.body.error.code).toBe('FORBIDDEN');
    const { data } = await t.db.collection('system_heartbeats').get();
    expect(data).toEqual([{ _id: 'heartbeat', at: new Date('2026-12-01T01:30:00.000Z'), trigger: 'everyMinute', firedFor: '2026-12-01T01:30:00Z' }]);
  });

  it('escalate and heartbeat run from their trigger (run-now sends the timer event)', async () => {
    for (const name of ['escalate', 'heartbeat']) expect((await post(base(), `/internal/timers/${name}/run`, {})).body).toMatchObject({ ok: true });
  });
});
