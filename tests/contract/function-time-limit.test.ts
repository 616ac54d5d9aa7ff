import { join } from 'node:path';
import { FunctionsService } from '../../local-cloud/services/functions';
import { BundleDirectory } from '../../local-cloud/services/functions/bundles';
import { SessionsService } from '../../local-cloud/services/sessions';
import { useTestCloud } from '../support/local-cloud-harness';

/** Fixture bundles; `sleeper` has config.json { "timeout": 1 }, CloudBase's shortest. */
const FIXTURE_FUNCTIONS = join(__dirname, 'support', 'functions');
const ROOT = join(__dirname, '..', '..');

/**
 * A function run past its configured timeout fails as CloudBase fails it (FUNCTIONS_TIME_LIMIT_EXCEEDED,
 * SCF's "Invoking task timed out after N seconds"), through the real SDK's `app.callFunction`.
 */
describe('function time limits', () => {
  const t = useTestCloud({ extraServices: [new SessionsService(), new FunctionsService({ functionsDir: FIXTURE_FUNCTIONS, timeLimitScale: 1 })] });

  test('a run inside its timeout answers through callFunction', async () => {
    const answer = await t.app.callFunction({ name: 'sleeper', data: { ms: 50 } });
    expect(answer.result).toEqual({ ok: true, slept: 50 });
  });

  test('a run past its 1 s timeout fails with FUNCTIONS_TIME_LIMIT_EXCEEDED after about 1 s, not when it ends', async () => {
    const started = Date.now();
    const call = t.app.callFunction({ name: 'sleeper', data: { ms: 1_600 } });
    await expect(call).rejects.toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: expect.stringContaining('Invoking task timed out after 1 seconds') });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(1_000);
    expect(waited).toBeLessThan(1_600);
    // The run itself goes on in the background (time-limit.ts); let it end inside this test.
    await new Promise((resolve) => setTimeout(resolve, 1_700 - waited));
  });

  test('a function that throws fails with FUNCTIONS_EXECUTE_FAIL; an unknown name with FUNCTION_NOT_FOUND', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(t.app.callFunction({ name: 'sleeper', data: { fail: 'boom' } })).rejects.toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', message: expect.stringContaining('boom') });
    } finally {
      spy.mockRestore();
    }
    await expect(t.app.callFunction({ name: 'nosuchfn', data: {} })).rejects.toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
  });
});

describe('where a function’s timeout comes from', () => {
  test('every app function times out where cloudbaserc.json (from its cloudfunctions/*/config.json) says', () => {
    // The built bundles ship config.json without timeout (scripts/build-functions.mjs); the deploy file has it.
    const bundles = new BundleDirectory(join(ROOT, 'cloudfunctions'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rc = require(join(ROOT, 'cloudbaserc.json')) as { functions: { name: string; timeout: number }[] };
    for (const fn of rc.functions) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const source = require(join(ROOT, 'cloudfunctions', fn.name, 'config.json')) as { timeout?: number };
      expect({ fn: fn.name, timeout: bundles.timeoutSeconds(fn.name) }).toEqual({ fn: fn.name, timeout: source.timeout ?? fn.timeout });
    }
    expect(new BundleDirectory(FIXTURE_FUNCTIONS).timeoutSeconds('sleeper')).toBe(1);
  });
});
