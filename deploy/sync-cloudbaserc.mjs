#!/usr/bin/env node
/**
 * Regenerates the derived sections of cloudbaserc.json so they never drift from their sources:
 *   - `functions`  from cloudfunctions/<name>/config.json (triggers; optional timeout / memorySize;
 *                  envVariableNames → envVariables as `{{env.NAME}}` dynamic variables),
 *                  one entry per function that scripts/build-functions.mjs builds into dist/functions/<name>;
 *   - `framework.plugins.database` (@cloudbase/framework-plugin-database) from deploy/collections.json
 *                  (collections, indexes) and deploy/database-rules.json (one security rule per collection).
 * Other top-level keys of cloudbaserc.json are kept as they are.
 *
 *   node deploy/sync-cloudbaserc.mjs          write cloudbaserc.json
 *   node deploy/sync-cloudbaserc.mjs --check  exit 1 (and print a diff hint) if it is out of date
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionNames } from '../scripts/build-functions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rcPath = join(root, 'cloudbaserc.json');

/** Defaults for every function; a function's config.json may override timeout / memorySize. */
export const FUNCTION_DEFAULTS = {
  // Oldest Node runtime CloudBase still offers; the bundles target node16 (scripts/build-functions.mjs).
  runtime: 'Nodejs16.13',
  handler: 'index.main',
  // Seconds (CLI range 1-60). The escalation sweep works in batches well inside this.
  timeout: 20,
  // MB; one of 128, 256, 512, 1024, 2048.
  memorySize: 256,
  // Bundles are self-contained (SDK and zod bundled by esbuild): nothing to install in the cloud.
  installDependency: false,
};

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

export function functionsSection() {
  return functionNames()
    .sort()
    .map((name) => {
      const configPath = join(root, 'cloudfunctions', name, 'config.json');
      const config = existsSync(configPath) ? readJson(configPath) : {};
      const entry = {
        name,
        ...FUNCTION_DEFAULTS,
        ...(typeof config.timeout === 'number' ? { timeout: config.timeout } : {}),
        ...(typeof config.memorySize === 'number' ? { memorySize: config.memorySize } : {}),
      };
      // Secrets (e.g. the register's key) are named here, never valued: `{{env.NAME}}` is filled by the CLI
      // from .env.local at deploy time, so `tcb fn deploy` keeps them instead of clearing them.
      const names = config.envVariableNames ?? [];
      if (names.length > 0) entry.envVariables = Object.fromEntries(names.map((n) => [n, `{{env.${n}}}`]));
      const triggers = (config.triggers ?? []).map((t) => ({ name: t.name, type: t.type, config: t.config }));
      if (triggers.length > 0) entry.triggers = triggers;
      return entry;
    });
}

export function databasePluginSection() {
  const { collections, indexes } = readJson(join(root, 'deploy', 'collections.json'));
  const { rules } = readJson(join(root, 'deploy', 'database-rules.json'));
  return {
    use: '@cloudbase/framework-plugin-database',
    inputs: {
      collections: collections.map((c) => {
        const rule = rules[c.name];
        if (!rule) throw new Error(`deploy/database-rules.json has no rule for collection "${c.name}"`);
        const createIndexes = indexes
          .filter((i) => i.collection === c.name)
          .map((i) => ({ name: i.name, unique: i.unique, keys: i.keys.map((k) => ({ name: k.field, direction: k.direction })) }));
        return {
          collectionName: c.name,
          description: c.description,
          aclTag: 'CUSTOM',
          // The plugin takes the custom rule as a string.
          aclRule: JSON.stringify(rule),
          ...(createIndexes.length > 0 ? { createIndexes } : {}),
        };
      }),
    },
  };
}

export function expectedCloudbaserc(current = {}) {
  const framework = current.framework ?? {};
  return {
    // 2.0 enables {{env.*}} dynamic variables (read from .env / .env.local / .env.<mode>).
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    ...current,
    functionRoot: './dist/functions',
    functions: functionsSection(),
    framework: {
      name: 'gridlink',
      ...framework,
      plugins: { ...(framework.plugins ?? {}), database: databasePluginSection() },
    },
  };
}

export function render(config) {
  return `${JSON.stringify(config, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = existsSync(rcPath) ? readJson(rcPath) : {};
  const expected = render(expectedCloudbaserc(current));
  const actual = existsSync(rcPath) ? readFileSync(rcPath, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (actual !== expected) {
      console.error('cloudbaserc.json is out of date with cloudfunctions/*/config.json or deploy/*.json: run `node deploy/sync-cloudbaserc.mjs`');
      process.exit(1);
    }
    console.log('cloudbaserc.json is in sync');
  } else {
    writeFileSync(rcPath, expected);
    console.log(`wrote ${rcPath}`);
  }
}
