import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readAdminKeys } from '../../local-cloud/core/admin-keys';
import { registerLocalCredentials } from '../../local-cloud/local-sdk';
import type { CallWrites } from '../../local-cloud/services/crash';
import { callFunction, ensureBundlesBuilt, loginAs, post, type HttpAnswer } from '../integration/function-cloud';
import { sdkAppFor, type CloudBaseDb } from './local-cloud-harness';

const ROOT = resolve(__dirname, '..', '..');
const CHILD_MAIN = join(__dirname, 'child-cloud-main.ts');
const START_TIMEOUT_MS = 60_000;

/** A full local cloud running in its own process on `dataDir`, so a test can let it die and restart it. */
export interface ChildCloud {
  baseUrl: string;
  dataDir: string;
  /** The real SDK against this cloud (seeding, checks). */
  db: CloudBaseDb;
  login(userId: string): Promise<string>;
  /** `POST /api/fn/<fn>` as a mini-program user holding `cookie`. */
  call(fn: string, action: string, data: unknown, cookie?: string): Promise<HttpAnswer>;
  /** The next function call dies right after its `afterWrites`-th durable database write. */
  armCrash(afterWrites: number): Promise<void>;
  /** Durable writes (inserts, updates, removes, transaction commits) of the last finished call. */
  lastCall(): Promise<CallWrites | null>;
  /** Resolves when the process is gone, with the signal that ended it (SIGKILL after a crash). */
  exited: Promise<NodeJS.Signals | null>;
  stop(): Promise<void>;
}

export interface ChildCloudOptions {
  dataDir: string;
  /** Write the demo street when absent. */
  seed?: boolean;
  /** Function bundles; default dist/functions (built if missing). */
  functionsDir?: string;
}

export async function startChildCloud(options: ChildCloudOptions): Promise<ChildCloud> {
  if (!options.functionsDir) ensureBundlesBuilt();
  const args = ['--import', 'tsx', CHILD_MAIN, options.dataDir, options.seed ? 'seed' : 'no-seed', options.functionsDir ?? ''];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
  const baseUrl = await readyUrl(child);
  // The child generated (or reused) the data dir's admin keys; this process signs with them too.
  const keys = readAdminKeys(options.dataDir);
  if (!keys) throw new Error(`child cloud wrote no admin keys in ${options.dataDir}`);
  registerLocalCredentials(baseUrl, keys);
  const cloud: ChildCloud = {
    baseUrl,
    dataDir: options.dataDir,
    db: sdkAppFor(baseUrl).database(),
    login: (userId) => loginAs(baseUrl, userId),
    call: (fn, action, data, cookie) => callFunction(baseUrl, fn, action, data, cookie),
    armCrash: async (afterWrites) => {
      const answer = await post(baseUrl, '/internal/crash', { afterWrites });
      if (answer.status !== 200) throw new Error(`arming the crash failed: ${JSON.stringify(answer.body)}`);
    },
    lastCall: async () => {
      const res = await fetch(`${baseUrl}/internal/crash`);
      return ((await res.json()) as { lastCall: CallWrites | null }).lastCall;
    },
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return cloud;
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`child cloud not ready in ${START_TIMEOUT_MS} ms: ${err}`)), START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\S+)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`child cloud exited before ready (${code ?? signal}): ${err}`));
    });
  });
}

/**
 * Arms the crash after write `afterWrites`, runs `invoke` (one function call) and waits for the process
 * to die. Fails if the call finished instead — it made fewer writes than that.
 */
export async function crashDuring(cloud: ChildCloud, afterWrites: number, invoke: (cloud: ChildCloud) => Promise<unknown>): Promise<void> {
  await cloud.armCrash(afterWrites);
  let answered = false;
  try {
    await invoke(cloud);
    answered = true;
  } catch {
    // The connection drops when the process dies: expected.
  }
  if (answered) {
    const last = await cloud.lastCall();
    await cloud.stop();
    throw new Error(`no crash: the call made ${last?.writes ?? 0} writes, fewer than ${afterWrites}`);
  }
  const signal = await cloud.exited;
  if (signal !== 'SIGKILL') throw new Error(`the local cloud ended with ${signal ?? 'an exit code'}, not by the crash control`);
}

export interface CrashPoint {
  /** The crash came right after this durable write of the call (1-based). */
  afterWrites: number;
  /** Writes the call makes when nothing crashes. */
  totalWrites: number;
}

export interface CrashWalk {
  /** Write the demo street first (scripts/seed). */
  seed?: boolean;
  /** Function bundles; default dist/functions. */
  functionsDir?: string;
  /** Builds the state before the call, once; every crash point starts from a copy of it. */
  prepare?: (cloud: ChildCloud) => Promise<void>;
  /** The one function call under test (e.g. `cloud.call('volunteer', 'award', …)`). */
  invoke: (cloud: ChildCloud) => Promise<unknown>;
  /** On the cloud restarted on the crashed data: retry the call, then assert the outcome is whole. */
  afterCrash: (cloud: ChildCloud, point: CrashPoint) => Promise<void>;
}

/**
 * "Crash at every write": counts the writes of one call (N), then for each n = 1..N restarts from the
 * prepared state, kills the local cloud right after write n, restarts it on the same data and hands it
 * to `afterCrash`. The local clock restarts at real time on each start; set it in the callbacks if needed.
 */
export async function walkCrashPoints(walk: CrashWalk): Promise<{ totalWrites: number }> {
  const root = mkdtempSync(join(tmpdir(), 'gridlink-crash-walk-'));
  try {
    const template = join(root, 'prepared');
    const prepared = await startChildCloud({ dataDir: template, seed: walk.seed, functionsDir: walk.functionsDir });
    try {
      await walk.prepare?.(prepared);
    } finally {
      await prepared.stop();
    }
    const dry = await startChildCloud({ dataDir: copyOf(template, join(root, 'dry')), functionsDir: walk.functionsDir });
    let totalWrites: number;
    try {
      await walk.invoke(dry);
      totalWrites = (await dry.lastCall())?.writes ?? 0;
    } finally {
      await dry.stop();
    }
    for (let n = 1; n <= totalWrites; n += 1) {
      const dataDir = copyOf(template, join(root, `crash-${n}`));
      await crashDuring(await startChildCloud({ dataDir, functionsDir: walk.functionsDir }), n, walk.invoke);
      const restarted = await startChildCloud({ dataDir, functionsDir: walk.functionsDir });
      try {
        await walk.afterCrash(restarted, { afterWrites: n, totalWrites });
      } finally {
        await restarted.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    return { totalWrites };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function copyOf(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}
