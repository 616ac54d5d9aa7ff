import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildInvocationContext, type Trigger } from '../../local-cloud/services/functions/invocation';
import { api, type ActionName, type ActionOutput, type FunctionName } from '../../src/domain/api';
import { ERROR_CODES } from '../../src/domain/errors';
import { advanceClock, setClock } from '../support/case-builders';
import { MATRIX } from './access-matrix/rows';
import { ASSISTANT_USER, CALLER_KEYS, CALLERS, rowSetsOf, type ActionRows, type CallerKey, type MatrixAnswer, type MatrixContext, type Refusal } from './access-matrix/types';
import { WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import { seedDemoData } from '../../scripts/seed/load';
import { useTestCloud } from '../support/local-cloud-harness';
import { BUILT_FUNCTIONS, ensureBundlesBuilt, functionServices } from './function-cloud';

/**
 * Issue 10 item 7: the role × action × scope matrix, generated from the contract table (src/domain/api.ts).
 * Every action of every function must have a row per caller kind in ./access-matrix (a new action, or a
 * new caller kind, fails the first test — and the type check — until it is classified); an action whose
 * commands follow different rules (case.act) has one row set per command. Each row then runs through the built
 * function with the real SDK against the local cloud:
 * - a caller with no platform identity (e.g. a timer event) gets UNAUTHENTICATED and nothing is written;
 * - a refused caller gets FORBIDDEN with a Chinese message and nothing is written (database or storage);
 *   where the caller's own record decides before any role (no volunteer profile, no sign-up of theirs),
 *   the row names that refusal (CONFLICT / NOT_FOUND) and it too writes nothing;
 * - an allowed caller gets past the role and scope check (ok, or a business code the row names and explains).
 * Refusals run before allowances so a permitted write never changes what a refusal is tested against.
 */
const WRITE_ACTIONS = /insert|modify|remove|update|delete|commit|addCollection/i;
const CHINESE = /[\u4e00-\u9fa5]/;
const FUNCTIONS = Object.keys(api) as FunctionName[];
const DEFAULT_AT = '2026-12-07T09:00:00+08:00';

const slowest: Array<[string, number]> = [];
const figures = { rows: 0, unauthenticated: 0, refused: 0, refusedByOwnRecord: 0, allowedOk: 0, allowedOther: {} as Record<string, number> };
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`access matrix slowest actions (ms): ${JSON.stringify(slowest.sort((a, b) => b[1] - a[1]).slice(0, 8))}`);
  // eslint-disable-next-line no-console
  console.log(`access matrix: ${figures.rows} rows (${figures.unauthenticated} without identity, ${figures.refused} FORBIDDEN, ${figures.refusedByOwnRecord} refused by the caller's own record (CONFLICT/NOT_FOUND), ${figures.allowedOk} allowed ok, allowed with a business code: ${JSON.stringify(figures.allowedOther)})`);
});

jest.setTimeout(120_000);

describe('the access matrix covers the contract table', () => {
  it('has rows for every caller kind of every action of every function, and none for actions that do not exist', () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const fn of FUNCTIONS) {
      const table = MATRIX[fn]?.actions as Record<string, ActionRows<unknown> | ActionRows<unknown>[]> | undefined;
      for (const action of Object.keys(api[fn])) {
        const sets = table?.[action] ? rowSetsOf(table[action]) : [];
        if (!sets.length) missing.push(`${fn}.${action}`);
        for (const rows of sets) for (const caller of CALLER_KEYS) if (!rows.who?.[caller]) missing.push(`${fn}.${action}${rows.variant ? ` (${rows.variant})` : ''} × ${caller}`);
      }
      for (const action of Object.keys(table ?? {})) if (!(action in api[fn])) extra.push(`${fn}.${action}`);
    }
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });
});

describe('the access matrix holds', () => {
  ensureBundlesBuilt();
  // WeChat's openapi (mini-program codes) too: the board's codes and posters are actions of the table.
  const t = useTestCloud({ extraServices: [new WxOpenApiService(), ...functionServices()] });
  beforeEach(async () => {
    await seedDemoData(t.cloud.baseUrl);
    const now = new Date(t.cloud.clock.now());
    const { _id, ...assistant } = ASSISTANT_USER;
    await t.db.collection('users').doc(_id).set({ ...assistant, createdAt: now, updatedAt: now });
  });
  const writes = () => Object.entries(t.database.stats.byAction).reduce((n, [action, count]) => n + (WRITE_ACTIONS.test(action) ? count : 0), 0);
  const files = () => countFiles(join(t.dataDir, 'storage'));

  /** `T`: what the caller expects in `data` — the contract's output for `must`, unknown for the walk. */
  async function invoke<T = unknown>(fn: FunctionName, action: string, data: unknown, trigger: Trigger): Promise<MatrixAnswer<T>> {
    // The built bundle's router answers the contract's FnResult (cloudfunctions/_lib/define-function.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main }: { main: (event: { action: string; data: unknown }, context: unknown) => Promise<MatrixAnswer<T>> } = require(join(BUILT_FUNCTIONS, fn, 'index.js'));
    const context = buildInvocationContext({ functionName: fn, baseUrl: t.cloud.baseUrl, clock: t.cloud.clock, trigger, adminKeys: t.cloud.adminKeys, functionEnv: t.cloud.functionEnv });
    // An unexpected error is logged by the function: kept with the answer so a failure shows its cause.
    const logged: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ').slice(0, 300));
    });
    // The SDK warns of requests slower than 3 s (a loaded 2-core machine): noise here, not a finding.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const answer = await main({ action, data }, context);
      return logged.length && !answer.ok ? { ...answer, logged } : answer;
    } finally {
      spy.mockRestore();
      warn.mockRestore();
    }
  }

  const ctx: MatrixContext = {
    get db() {
      return t.db;
    },
    now: () => t.cloud.clock.now(),
    advanceClock: (ms) => advanceClock(t.cloud.baseUrl, ms),
    call: (caller, fn, action, data, label) => invoke(fn, action, data, { kind: 'user', openid: caller === 'visitor' && label ? `${CALLERS.visitor}-${label}` : CALLERS[caller] }),
    must: async <F extends FunctionName, A extends ActionName<F>>(caller: CallerKey, fn: F, action: A, data: unknown) => {
      const answer = await invoke<ActionOutput<F, A>>(fn, action, data, { kind: 'user', openid: CALLERS[caller] });
      if (!answer.ok) throw new Error(`set-up ${fn}.${action} as ${caller} failed: ${JSON.stringify(answer.error)}`);
      return answer.data;
    },
  };

  it.each(FUNCTIONS)('%s: refuses and allows exactly as its rows say', async (fn) => {
    const matrix = MATRIX[fn] as (typeof MATRIX)[FunctionName];
    await setClock(t.cloud.baseUrl, matrix.at ?? DEFAULT_AT);
    const fx = await matrix.setup(ctx);
    const actions = Object.entries(matrix.actions as Record<string, ActionRows<unknown> | ActionRows<unknown>[]>).flatMap(([action, rows]) => rowSetsOf(rows).map((r) => [action, r] as const));
    const wrong: string[] = [];

    const refusedWith = async (label: string, code: Refusal | 'UNAUTHENTICATED', run: () => Promise<MatrixAnswer>) => {
      const [w, f] = [writes(), files()];
      const answer = await run();
      figures.rows += 1;
      if (answer.ok || answer.error.code !== code || !CHINESE.test(answer.error.message)) wrong.push(`${label}: expected ${code}, got ${JSON.stringify(answer).slice(0, 200)}`);
      else if (writes() !== w || files() !== f) wrong.push(`${label}: refused but wrote ${writes() - w} database change(s) and ${files() - f} file(s)`);
    };

    const spent: Record<string, number> = {};
    const timed = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      try {
        return await run();
      } finally {
        spent[action] = (spent[action] ?? 0) + Date.now() - started;
      }
    };
    for (const [action, rows] of actions) {
      await refusedWith(`${fn}.${action}${rows.variant ? ` (${rows.variant})` : ''} × no identity`, 'UNAUTHENTICATED', async () => invoke(fn, action, await rows.payload(fx, 'visitor', ctx), { kind: 'timer' }));
      figures.unauthenticated += 1;
      for (const caller of CALLER_KEYS.filter((c) => rows.who[c] !== 'allow')) {
        await refusedWith(`${fn}.${action}${rows.variant ? ` (${rows.variant})` : ''} × ${caller}`, rows.who[caller] as Refusal, async () => ctx.call(caller, fn, action, await rows.payload(fx, caller, ctx), action));
        if (rows.who[caller] === 'FORBIDDEN') figures.refused += 1;
        else figures.refusedByOwnRecord += 1;
      }
    }
    for (const [action, rows] of actions) {
      for (const caller of CALLER_KEYS.filter((c: CallerKey) => rows.who[c] === 'allow')) {
        const answer = await timed(action, async () => ctx.call(caller, fn, action, await rows.payload(fx, caller, ctx), action));
        figures.rows += 1;
        if (answer.ok) figures.allowedOk += 1;
        else if (rows.allowedErrors?.codes.includes(answer.error.code) && ERROR_CODES.some((known) => known === answer.error.code)) {
          figures.allowedOther[answer.error.code] = (figures.allowedOther[answer.error.code] ?? 0) + 1;
        } else wrong.push(`${fn}.${action}${rows.variant ? ` (${rows.variant})` : ''} × ${caller}: expected to be allowed, got ${JSON.stringify([answer.error, answer.logged]).slice(0, 300)}`);
      }
    }
    slowest.push(...Object.entries(spent).map(([action, ms]): [string, number] => [`${fn}.${action}`, ms]));
    expect(wrong).toEqual([]);
  });
});

function countFiles(dir: string): number {
  let n = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const path = join(dir, name);
    n += statSync(path).isDirectory() ? countFiles(path) : 1;
  }
  return n;
}
