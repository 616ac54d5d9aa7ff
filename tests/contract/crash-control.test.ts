import { join } from 'node:path';
import { CrashControlService } from '../../local-cloud/services/crash';
import { FunctionsService } from '../../local-cloud/services/functions';
import { SessionsService } from '../../local-cloud/services/sessions';
import { walkCrashPoints, type ChildCloud } from '../support/crash-walk';
import { startTestCloud, useTestCloud } from '../support/local-cloud-harness';

/** Fixture bundle: write 1 insert, 2 update, 3 transaction commit (two documents), 4 remove. */
const FIXTURE_FUNCTIONS = join(__dirname, 'support', 'functions');

const post = (baseUrl: string, path: string, body: unknown) =>
  fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('crash control: counting writes (in process, the death recorded instead of dealt)', () => {
  const deaths: number[] = [];
  const t = useTestCloud({
    extraServices: [new SessionsService(), new FunctionsService({ functionsDir: FIXTURE_FUNCTIONS }), new CrashControlService(() => deaths.push(Date.now()))],
    collections: ['steps'],
  });
  const state = async () => (await (await fetch(`${t.cloud.baseUrl}/internal/crash`)).json()) as Record<string, any>;
  beforeEach(() => {
    deaths.length = 0;
  });

  test('a call’s durable writes are counted: inserts, updates, removes and one per transaction commit, not reads', async () => {
    await t.db.collection('steps').add({ _id: 'outside', step: 0 }); // not during a call: not counted
    const res = await post(t.cloud.baseUrl, '/api/fn/writer', { action: 'run', data: { run: 'a' } });
    expect(res.status).toBe(200);
    expect((await state()).lastCall).toEqual({ functionName: 'writer', action: 'run', writes: 4 });
    expect(deaths).toEqual([]);
  });

  test('armed with N, the death comes right after write N of the next call — once', async () => {
    expect((await (await post(t.cloud.baseUrl, '/internal/crash', { afterWrites: 3 })).json()) as object).toMatchObject({ armedAfterWrites: 3 });
    await post(t.cloud.baseUrl, '/api/fn/writer', { action: 'run', data: { run: 'b' } });
    expect(deaths).toHaveLength(1);
    // When it would have died, writes 1..3 were on disk: the transaction's documents exist.
    expect((await t.db.collection('steps').doc('b-3a').get()).data).toHaveLength(1);
    expect((await state()).armedAfterWrites).toBeNull();
    await post(t.cloud.baseUrl, '/api/fn/writer', { action: 'run', data: { run: 'c' } });
    expect(deaths).toHaveLength(1);
  });

  test('disarm, and bad commands are refused with a Chinese error naming the field', async () => {
    await post(t.cloud.baseUrl, '/internal/crash', { afterWrites: 1 });
    await post(t.cloud.baseUrl, '/internal/crash', { disarm: true });
    await post(t.cloud.baseUrl, '/api/fn/writer', { action: 'run', data: { run: 'd' } });
    expect(deaths).toEqual([]);
    const bad = await post(t.cloud.baseUrl, '/internal/crash', { afterWrites: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('第几次写入后崩溃');
    expect((await post(t.cloud.baseUrl, '/internal/crash', {})).status).toBe(400);
  });

  test('in serve mode the control does not exist', async () => {
    const served = await startTestCloud({
      mode: 'serve',
      extraServices: [new SessionsService(), new FunctionsService({ functionsDir: FIXTURE_FUNCTIONS }), new CrashControlService(() => deaths.push(1))],
    });
    try {
      expect((await fetch(`${served.cloud.baseUrl}/internal/crash`)).status).toBe(404);
      expect((await post(served.cloud.baseUrl, '/internal/crash', { afterWrites: 1 })).status).toBe(404);
    } finally {
      await served.stop();
    }
  });
});

describe('crash control: kill -9 at every write of a call, restart on the same data (child processes)', () => {
  test('after a crash at write n and a restart, exactly writes 1..n are on disk', async () => {
    const seen: number[] = [];
    const ids = async (cloud: ChildCloud) => (await cloud.db.collection('steps').get()).data.map((d: { _id: string }) => d._id).sort();
    const { totalWrites } = await walkCrashPoints({
      functionsDir: FIXTURE_FUNCTIONS,
      prepare: async (cloud) => {
        await cloud.db.createCollection('steps'); // the fixture's collection, as deploying would create it
        await cloud.db.collection('steps').add({ _id: 'before', step: 0 });
      },
      invoke: (cloud) => cloud.call('writer', 'run', { run: 'w' }),
      afterCrash: async (cloud, { afterWrites, totalWrites: total }) => {
        seen.push(afterWrites);
        expect(total).toBe(4);
        const onDisk = await ids(cloud);
        const expected: Record<number, string[]> = {
          1: ['before', 'w-1'],
          2: ['before', 'w-1'],
          3: ['before', 'w-1', 'w-3a', 'w-3b'],
          4: ['before', 'w-3a', 'w-3b'],
        };
        expect(onDisk).toEqual(expected[afterWrites]);
        const updated = (await cloud.db.collection('steps').doc('w-1').get()).data[0]?.updated;
        expect(updated).toBe(afterWrites === 1 ? undefined : afterWrites <= 3 ? true : undefined);
      },
    });
    expect(totalWrites).toBe(4);
    expect(seen).toEqual([1, 2, 3, 4]);
  }, 240_000);
});
