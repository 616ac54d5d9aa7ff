import { excludedReason } from './vendor-exclusions';

/**
 * Plumbing for the vendor's database tests, loaded before each of their files:
 * - They were written for jest-jasmine2, which ignored what a `describe` body returned; some bodies are
 *   `async` (command.test.ts). jest-circus refuses a returned promise, so the wrapper drops it — the
 *   tests inside are still declared synchronously, exactly as jasmine2 saw them.
 * - Tests we decided not to emulate (vendor-exclusions.ts, each with its reason) are declared as
 *   skipped, so they are counted as excluded rather than silently missing.
 */
type Fn = (...args: any[]) => any;
const g = globalThis as Record<string, any>;

const path: string[] = [];
const testFile = (): string => (expect.getState().testPath ?? '').split('/').pop() ?? '';

function wrapDescribe(original: Fn): Fn {
  const wrapped = (name: string, body: Fn) =>
    original(name, function (this: unknown) {
      path.push(name);
      try {
        const result = body.call(this);
        if (result && typeof result.then === 'function') result.catch(() => undefined);
      } finally {
        path.pop();
      }
    });
  return Object.assign(wrapped, original);
}

function wrapTest(original: Fn & { skip: Fn }): Fn {
  const wrapped = (name: string, ...rest: unknown[]) => {
    const reason = excludedReason(testFile(), [...path, name].join(' '));
    return reason ? original.skip(`${name} [excluded: ${reason}]`, ...rest) : original(name, ...rest);
  };
  return Object.assign(wrapped, original);
}

g.describe = wrapDescribe(g.describe);
g.it = wrapTest(g.it);
g.test = wrapTest(g.test);
