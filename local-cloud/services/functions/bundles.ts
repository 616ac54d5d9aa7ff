import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

  constructor(readonly dir: string) {}

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

  timerTriggers(name: string): TimerTriggerConfig[] {
    const file = join(this.dir, name, 'config.json');
    if (!existsSync(file)) return [];
    const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: Array<Partial<TimerTriggerConfig>> };
    return (config.triggers ?? []).filter(
      (t): t is TimerTriggerConfig => t.type === 'timer' && typeof t.name === 'string' && typeof t.config === 'string',
    );
  }
}
