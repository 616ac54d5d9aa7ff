import { birthDateOfId, idCheckChar, idNumberProblem, maskIdNumber, normalizeIdNumber, sexOfId } from './id-number';

// Made-up numbers with correct check characters (computed here, not copied from anyone's card).
const withCheck = (first17: string) => `${first17}${idCheckChar(first17)}`;

describe('ID numbers (GB 11643)', () => {
  it('computes the published example check character', () => {
    // GB 11643-1999 appendix example: 11010519491231002 → X.
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts a well-formed number and reads birth date and sex from it', () => {
    const id = withCheck('34010219800101123');
    expect(idNumberProblem(id, '2026-11-30')).toBeNull();
    expect(birthDateOfId(id)).toBe('1980-01-01');
    expect(sexOfId(id)).toBe('male');
    expect(sexOfId(withCheck('34010219800101122'))).toBe('female');
  });

  it('names what is wrong: shape, birth date, check character', () => {
    const good = withCheck('34010219800101123');
    expect(idNumberProblem(good.slice(0, 17), '2026-11-30')).toBe('shape');
    expect(idNumberProblem(withCheck('34010219800231123'), '2026-11-30')).toBe('birth_date');
    expect(idNumberProblem(withCheck('34010220300101123'), '2026-11-30')).toBe('birth_date');
    const wrongCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect(idNumberProblem(wrongCheck, '2026-11-30')).toBe('checksum');
  });

  it('normalises a lower-case x and spaces', () => {
    expect(normalizeIdNumber(' 110105 19491231002x ')).toBe('11010519491231002X');
  });

  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});
