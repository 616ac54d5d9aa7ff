import { checkGridCode } from './grid-code';

describe('grid codes, letter scheme (000 L6)', () => {
  it('accepts A1, the source example for 肥东路社区一号网格', () => {
    expect(checkGridCode('letter', 'A1', { letter: 'A' }, 'ordinary')).toEqual({ ok: true });
  });

  it('accepts two-digit grid numbers', () => {
    expect(checkGridCode('letter', 'B12', { letter: 'B' }, 'ordinary').ok).toBe(true);
  });

  it.each(['a1', 'A', 'A0', '1A', 'AB1', 'A123'])('rejects %s', (code) => {
    expect(checkGridCode('letter', code, { letter: 'A' }, 'ordinary').ok).toBe(false);
  });

  it('rejects a code whose letter is another community’s', () => {
    const check = checkGridCode('letter', 'B1', { letter: 'A' }, 'ordinary');
    expect(check).toEqual({ ok: false, message: '网格编号应以所属社区字母 A 开头' });
  });
});

describe('grid codes, six-digit scheme (004 L364–365)', () => {
  it('accepts an ordinary grid 012101', () => {
    expect(checkGridCode('six_digit', '012101', { villageCode: '012' }, 'ordinary')).toEqual({ ok: true });
  });

  it('accepts a dedicated grid (school, park) with type digit 2', () => {
    expect(checkGridCode('six_digit', '012201', { villageCode: '012' }, 'dedicated').ok).toBe(true);
  });

  it('rejects a type digit that does not match the grid type', () => {
    expect(checkGridCode('six_digit', '012201', { villageCode: '012' }, 'ordinary').ok).toBe(false);
  });

  it('rejects another village’s code, sequence 00, and non-digits', () => {
    expect(checkGridCode('six_digit', '013101', { villageCode: '012' }, 'ordinary').ok).toBe(false);
    expect(checkGridCode('six_digit', '012100', { villageCode: '012' }, 'ordinary').ok).toBe(false);
    expect(checkGridCode('six_digit', '01210A', { villageCode: '012' }, 'ordinary').ok).toBe(false);
    expect(checkGridCode('six_digit', '0121011', { villageCode: '012' }, 'ordinary').ok).toBe(false);
  });
});
