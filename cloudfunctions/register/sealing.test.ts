import { randomBytes } from 'node:crypto';
import { registerKeysFrom, REGISTER_KEY_VARIABLE, REGISTER_OLD_KEYS_VARIABLE } from './sealing';

const keysOf = (bytes = randomBytes(32)) => registerKeysFrom({ [REGISTER_KEY_VARIABLE]: bytes.toString('base64') });

describe('register sealing', () => {
  it('round-trips a value and never writes it in the sealed text', () => {
    const keys = keysOf();
    const sealed = keys.seal('11010519491231002X', 'id:r1');
    expect(sealed).toMatch(/^gcm1\.[0-9a-f]{8}\./);
    expect(sealed).not.toContain('11010519491231002X');
    expect(keys.open(sealed, 'id:r1')).toBe('11010519491231002X');
    expect(keys.seal('x', 'c')).not.toBe(keys.seal('x', 'c'));
  });

  it('refuses a value moved to another record or sealed under another key', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const keys = keysOf();
    const sealed = keys.seal('13800001111', 'phone:r1');
    expect(() => keys.open(sealed, 'phone:r2')).toThrow();
    expect(() => keysOf().open(sealed, 'phone:r1')).toThrow(/密钥缺失（编号 [0-9a-f]{8}）/);
  });

  it('fails closed without a 32-byte key', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => registerKeysFrom({})).toThrow(/加密配置缺失/);
    expect(() => registerKeysFrom({ [REGISTER_KEY_VARIABLE]: 'c2hvcnQ=' })).toThrow(/加密配置缺失/);
  });

  it('hashes by purpose and key', () => {
    const bytes = randomBytes(32);
    const a = keysOf(bytes);
    expect(a.keyedHash('id_tail', '002X')).toBe(keysOf(bytes).keyedHash('id_tail', '002X'));
    expect(a.keyedHash('id_tail', '1234')).not.toBe(a.keyedHash('phone_tail', '1234'));
    expect(a.keyedHash('id_tail', '1234')).not.toBe(keysOf().keyedHash('id_tail', '1234'));
  });

  it('rotates: new values under the new key, old values still open with the old key listed, and a dropped old key is named', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const oldBytes = randomBytes(32);
    const newBytes = randomBytes(32);
    const before = keysOf(oldBytes);
    const oldSealed = before.seal('11010519491231002X', 'id:r1');
    const rotated = registerKeysFrom({ [REGISTER_KEY_VARIABLE]: newBytes.toString('base64'), [REGISTER_OLD_KEYS_VARIABLE]: oldBytes.toString('base64') });
    expect(rotated.keyId).not.toBe(before.keyId);
    expect(rotated.open(oldSealed, 'id:r1')).toBe('11010519491231002X');
    const newSealed = rotated.seal('11010519491231002X', 'id:r1');
    expect(rotated.keyIdOf(newSealed)).toBe(rotated.keyId);
    expect(rotated.keyedHash('id_tail', '002X')).not.toBe(before.keyedHash('id_tail', '002X'));
    expect(rotated.keyedHashes('id_tail', '002X')).toEqual([rotated.keyedHash('id_tail', '002X'), before.keyedHash('id_tail', '002X')]);
    const dropped = keysOf(newBytes);
    expect(() => dropped.open(oldSealed, 'id:r1')).toThrow(`登记簿加密密钥缺失（编号 ${before.keyId}）`);
    expect(() => registerKeysFrom({ [REGISTER_KEY_VARIABLE]: newBytes.toString('base64'), [REGISTER_OLD_KEYS_VARIABLE]: 'c2hvcnQ=' })).toThrow(/加密配置缺失/);
  });
});
