import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '../../src/domain/errors';

/**
 * Encryption at rest for the register (issue 15 item 3). The master key is the function's environment
 * variable GRIDLINK_REGISTER_KEY (32 random bytes, base64) — CloudBase keeps it in the function's
 * configuration, the local cloud in its data dir (`function-env.json`); never in the database. Two keys
 * are derived from it (HKDF-SHA256): one seals values with AES-256-GCM, one makes keyed hashes (HMAC)
 * of what search needs (the last 4 characters of an ID number or phone), so the database holds neither
 * the values nor a plain hash a dictionary could reverse.
 */
export const REGISTER_KEY_VARIABLE = 'GRIDLINK_REGISTER_KEY';
const FORMAT = 'gcm1';

export interface RegisterKeys {
  /** First 8 hex of sha256(master): which key sealed a value (a changed key is reported, not mis-decrypted). */
  keyId: string;
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** HMAC-SHA256 of `purpose:value`, hex. */
  keyedHash(purpose: 'id' | 'id_tail' | 'phone_tail', value: string): string;
}

export function registerKeysFrom(variables: Record<string, unknown>): RegisterKeys {
  const raw = variables[REGISTER_KEY_VARIABLE];
  const master = typeof raw === 'string' ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
  if (master.length !== 32) {
    // Fail closed: without the key nothing is written in plain text instead.
    console.error(`[register] ${REGISTER_KEY_VARIABLE} is missing or not 32 bytes of base64 (see docs/deploy.md)`);
    throw new DomainError('INTERNAL', '登记簿加密配置缺失，请联系管理员');
  }
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.from('gridlink-register'), Buffer.from(info), 32));
  const sealKey = derive('aes-256-gcm');
  const hashKey = derive('search-hmac');
  const keyId = createHash('sha256').update(master).digest('hex').slice(0, 8);
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      // The record and field as associated data: a sealed value copied onto another record does not open.
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, context) {
      const [format, kid, iv, tag, body] = sealed.split('.');
      if (format !== FORMAT || kid !== keyId) {
        console.error(`[register] value sealed with key ${kid}, current key ${keyId}`);
        throw new DomainError('INTERNAL', '登记簿加密密钥不匹配，请联系管理员');
      }
      const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyedHash(purpose, value) {
      return createHmac('sha256', hashKey).update(`${purpose}:${value}`).digest('hex');
    },
  };
}
