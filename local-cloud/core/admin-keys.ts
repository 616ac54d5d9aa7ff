import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The key pair the admin API accepts signatures from; CloudBase's are an account's SecretId/SecretKey. */
export interface AdminKeys {
  secretId: string;
  secretKey: string;
}

export const ADMIN_KEYS_FILE = 'admin-keys.json';

/**
 * Generated on a data dir's first start and kept in it (mode 600), so the seed and bench scripts and a
 * restarted cloud use the same pair. Shaped like Tencent Cloud keys (AKID… / 32 characters).
 */
export function loadOrCreateAdminKeys(dataDir: string): AdminKeys {
  const existing = readAdminKeys(dataDir);
  if (existing) return existing;
  const keys: AdminKeys = { secretId: `AKIDlocal${randomBytes(14).toString('hex')}`, secretKey: randomBytes(24).toString('base64url') };
  writeFileSync(join(dataDir, ADMIN_KEYS_FILE), JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

export function readAdminKeys(dataDir: string): AdminKeys | null {
  const file = join(dataDir, ADMIN_KEYS_FILE);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<AdminKeys>;
  if (typeof parsed.secretId !== 'string' || typeof parsed.secretKey !== 'string') throw new Error(`${file} holds no secretId/secretKey`);
  return { secretId: parsed.secretId, secretKey: parsed.secretKey };
}
