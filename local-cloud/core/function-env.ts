import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The functions' own environment variables — what CloudBase keeps in each function's configuration
 * (`envVariables`), never in the database. Generated on a data dir's first start and kept in it (mode
 * 600), so a restarted cloud can still open what it sealed. Today: the household register's key
 * (issue 15: ID numbers and phones are encrypted at rest with a key from the function's environment).
 */
export const FUNCTION_ENV_FILE = 'function-env.json';

/** 32 random bytes, base64: the AES-256-GCM / HMAC master key of the register (docs/deploy.md). */
export const REGISTER_KEY_VARIABLE = 'GRIDLINK_REGISTER_KEY';

const GENERATED: Record<string, () => string> = {
  [REGISTER_KEY_VARIABLE]: () => randomBytes(32).toString('base64'),
};

export function loadOrCreateFunctionEnv(dataDir: string): Record<string, string> {
  const file = join(dataDir, FUNCTION_ENV_FILE);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(stored)) if (typeof value === 'string') env[key] = value;
  let added = false;
  for (const [key, make] of Object.entries(GENERATED)) {
    if (env[key]) continue;
    env[key] = make();
    added = true;
  }
  if (added) writeFileSync(file, JSON.stringify(env, null, 2), { mode: 0o600 });
  return env;
}
