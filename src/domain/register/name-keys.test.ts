import fc from 'fast-check';
import { NAME_KEY_CHARS, nameFields, nameQueryKey, nameSearchKeys } from './name-keys';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('name search keys', () => {
  test('a 3-character name: every piece a worker types (surname, given name, 2 characters, the whole name)', () => {
    expect(nameSearchKeys('王小明')).toEqual(['小', '小明', '明', '王', '王小', '王小明'].sort());
    expect(nameQueryKey('王')).toBe('王');
    expect(nameQueryKey('小明')).toBe('小明');
    expect(nameQueryKey('王小明')).toBe('王小明');
  });

  test('a compound surname is a key of its own; Latin letters are keyed lower-case; astral characters count as one', () => {
    expect(nameSearchKeys('欧阳娜娜')).toEqual(expect.arrayContaining(['欧阳', '欧阳娜', '欧阳娜娜', '娜娜', '娜']));
    expect(nameSearchKeys('欧阳娜娜').filter((k) => k === '娜')).toHaveLength(1);
    expect(nameSearchKeys('Anna')).toEqual(expect.arrayContaining(['anna', 'an', 'a', 'nn']));
    expect(nameQueryKey('AN')).toBe('an');
    expect(nameSearchKeys('𠮷田')).toEqual(['田', '𠮷', '𠮷田'].sort());
  });

  test('a long name is keyed by windows of at most NAME_KEY_CHARS; a long query looks up its last window', () => {
    const name = '阿卜杜热合曼·买买提';
    const keys = nameSearchKeys(name);
    expect(keys.every((k) => Array.from(k).length <= NAME_KEY_CHARS)).toBe(true);
    expect(nameQueryKey('热合曼·买买提')).toBe('·买买提');
    expect(keys).toContain('·买买提');
    // The longest name the register takes (20 characters) stays within the record's bound of 80 keys.
    expect(nameSearchKeys('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉').length).toBe(20 + 19 + 18 + 17);
  });

  test('nothing but the name: keys are pieces of the name, whatever else the record holds', () => {
    const { name, nameKeys } = nameFields('李雷');
    expect(name).toBe('李雷');
    for (const k of nameKeys) expect('李雷'.toLowerCase()).toContain(k);
  });

  test('whenever the former search ("contains", case-insensitive) matched a name, the query key is one of its keys', () => {
    const unit = fc.constantFrom('王', '李', '小', '明', '欧', '阳', 'A', 'a', 'n', 'N', '·', '𠮷', '芳');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 20 }), fc.array(unit, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (nameUnits, queryUnits, from, len) => {
        const name = nameUnits.join('');
        // Half the time a piece of the name itself (upper/lower mixed), else a random query.
        const start = from % nameUnits.length;
        const piece = nameUnits.slice(start, start + 1 + (len % (nameUnits.length - start))).map((u, i) => (i % 2 ? u.toUpperCase() : u.toLowerCase())).join('');
        for (const q of [piece, queryUnits.join('')]) {
          if (new RegExp(escapeRegExp(q), 'i').test(name)) expect(nameSearchKeys(name)).toContain(nameQueryKey(q));
        }
      }),
      { numRuns: 500 },
    );
  });
});
