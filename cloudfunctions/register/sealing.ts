import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '../../src/domain/errors';

/**
 * Encryption at rest for the register (issue 15 item 3). The master key is the function's environment
 * variable GRIDLINK_REGISTER_KEY (32 random bytes, base64) — CloudBase keeps it in the function's
 * configuration, the local cloud in its data dir (`function-env.json`); never in the database. Two keys
 * are derived from it (HKDF-SHA256): one seals values with AES-256-GCM, one makes keyed hashes (HMAC)
 * of what search needs (the last 4 characters of an ID number or phone), so the database holds neither
 * the values nor a plain hash a dictionary could reverse. Keys rotate: see REGISTER_OLD_KEYS_VARIABLE.
 */
export const REGISTER_KEY_VARIABLE = 'GRIDLINK_REGISTER_KEY';
/**
 * Key rotation (docs/privacy.md): the keys that sealed older rows, comma-separated base64, still opening
 * what they sealed (and matching their search hashes) until `register.rotateKeys` has moved every row to
 * the current key. Writes always use GRIDLINK_REGISTER_KEY.
 */
export const REGISTER_OLD_KEYS_VARIABLE = 'GRIDLINK_REGISTER_OLD_KEYS';
const FORMAT = 'gcm1';

export type KeyedHashPurpose = 'id' | 'id_tail' | 'phone_tail';

export interface RegisterKeys {
  /** First 8 hex of sha256(master) of the current key: which key sealed a value (stored in every sealed value). */
  keyId: string;
  /** Seals with the current key. */
  seal(plain: string, context: string): string;
  /** Opens with the key that sealed it (current or old); a key no longer configured is a clear error, never garbage. */
  open(sealed: string, context: string): string;
  /** The key id a sealed value names. */
  keyIdOf(sealed: string): string;
  /** HMAC-SHA256 of `purpose:value` under the current key, hex (what is stored). */
  keyedHash(purpose: KeyedHashPurpose, value: string): string;
  /** The same under every configured key, current first: what a lookup matches while rows are mid-rotation. */
  keyedHashes(purpose: KeyedHashPurpose, value: string): string[];
}

interface DerivedKey {
  keyId: string;
  sealKey: Buffer;
  hashKey: Buffer;
}

const MISCONFIGURED = () => new DomainError('INTERNAL', '登记簿加密配置缺失，请联系管理员');

function derivedFrom(master: Buffer): DerivedKey {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.from('gridlink-register'), Buffer.from(info), 32));
  return { keyId: createHash('sha256').update(master).digest('hex').slice(0, 8), sealKey: derive('aes-256-gcm'), hashKey: derive('search-hmac') };
}

function masterOf(raw: unknown, variable: string): Buffer {
  const master = typeof raw === 'string' ? Buffer.from(raw.trim(), 'base64') : Buffer.alloc(0);
  if (master.length !== 32) {
    // Fail closed: without the key nothing is written in plain text instead.
    console.error(`[register] ${variable} is missing or not 32 bytes of base64 (see docs/deploy.md)`);
    throw MISCONFIGURED();
  }
  return master;
}

export function registerKeysFrom(variables: Record<string, unknown>): RegisterKeys {
  const current = derivedFrom(masterOf(variables[REGISTER_KEY_VARIABLE], REGISTER_KEY_VARIABLE));
  const oldRaw = variables[REGISTER_OLD_KEYS_VARIABLE];
  const old = (typeof oldRaw === 'string' ? oldRaw.split(/[\s,]+/).filter(Boolean) : []).map((k) => derivedFrom(masterOf(k, REGISTER_OLD_KEYS_VARIABLE)));
  const all = [current, ...old.filter((k) => k.keyId !== current.keyId)];
  const byId = new Map(all.map((k) => [k.keyId, k]));
  const hmac = (k: DerivedKey, purpose: KeyedHashPurpose, value: string) => createHmac('sha256', k.hashKey).update(`${purpose}:${value}`).digest('hex');
  const keyIdOf = (sealed: string) => {
    const [format, kid] = sealed.split('.');
    if (format !== FORMAT || !kid) throw new DomainError('INTERNAL', '登记簿中的加密数据格式不正确，请联系管理员');
    return kid;
  };
  return {
    keyId: current.keyId,
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.sealKey, iv);
      // The record and field as associated data: a sealed value copied onto another record does not open.
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, current.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, context) {
      const kid = keyIdOf(sealed);
      const key = byId.get(kid);
      if (!key) {
        // A rotated-out key dropped before every row moved: say which key is missing instead of failing later or guessing.
        console.error(`[register] value sealed with key ${kid}; configured keys: ${[...byId.keys()].join(', ')} (add the old key to ${REGISTER_OLD_KEYS_VARIABLE})`);
        throw new DomainError('INTERNAL', `登记簿加密密钥缺失（编号 ${kid}），无法读取，请联系管理员`);
      }
      const [, , iv, tag, body] = sealed.split('.');
      const decipher = createDecipheriv('aes-256-gcm', key.sealKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        console.error(`[register] a value sealed with key ${kid} does not authenticate (tampered, or moved to another record)`);
        throw new DomainError('INTERNAL', '登记簿中的加密数据校验失败，请联系管理员');
      }
    },
    keyIdOf,
    keyedHash: (purpose, value) => hmac(current, purpose, value),
    keyedHashes: (purpose, value) => all.map((k) => hmac(k, purpose, value)),
  };
}
