import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeoutSecondsOf } from './time-limit';

export type BundleMain = (event: unknown, context: unknown) => Promise<unknown> | unknown;

/** CloudBase function names: letters, digits, `-` and `_`, starting with a letter. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export interface TimerTriggerConfig {
  name: string;
  type: 'timer';
  config: string;
}

/**
 * The built bundles in dist/functions — exactly what would be deployed. Each is required once and
 * cached, like a warm CloudBase instance keeps its module state between invocations.
 */
export class BundleDirectory {
  private readonly loaded = new Map<string, BundleMain>();

  /**
   * @param deployConfig cloudbaserc.json: CloudBase takes a function's timeout from what is deployed with
   * it, and our bundles' config.json carries only triggers and permissions (scripts/build-functions.mjs);
   * the timeout reaches CloudBase through cloudbaserc.json, generated from cloudfunctions/<name>/config.json.
   */
  constructor(
    readonly dir: string,
    private readonly deployConfig = join(__dirname, '..', '..', '..', 'cloudbaserc.json'),
  ) {}

  has(name: string): boolean {
    return FUNCTION_NAME.test(name) && existsSync(join(this.dir, name, 'index.js'));
  }

  names(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter((name) => this.has(name)).sort();
  }

  load(name: string): BundleMain {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(this.dir, name, 'index.js')) as { main?: unknown };
    if (typeof mod.main !== 'function') throw new Error(`bundle ${name} exports no main()`);
    const main = mod.main as BundleMain;
    this.loaded.set(name, main);
    return main;
  }

  /**
   * The function's time limit in seconds: a `timeout` in the bundle's own config.json (test fixtures), else
   * the function's entry in cloudbaserc.json, else SCF's default.
   */
  timeoutSeconds(name: string): number {
    const own = this.config(name);
    if (own.timeout !== undefined) return timeoutSecondsOf(own, name);
    return timeoutSecondsOf(this.deployed(name), name);
  }

  private deployed(name: string): { timeout?: unknown } {
    if (!existsSync(this.deployConfig)) return {};
    const rc = JSON.parse(readFileSync(this.deployConfig, 'utf8')) as { functions?: Array<{ name?: unknown; timeout?: unknown }> };
    return rc.functions?.find((f) => f.name === name) ?? {};
  }

  timerTriggers(name: string): TimerTriggerConfig[] {
    const config = this.config(name) as { triggers?: Array<Partial<TimerTriggerConfig>> };
    return (config.triggers ?? []).filter(
      (t): t is TimerTriggerConfig => t.type === 'timer' && typeof t.name === 'string' && typeof t.config === 'string',
    );
  }

  /** config.json beside the bundle, as deployed (read on each use: a redeploy changes it). */
  private config(name: string): Record<string, unknown> {
    const file = join(this.dir, name, 'config.json');
    if (!existsSync(file)) return {};
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  }
}
