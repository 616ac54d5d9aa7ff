import { maskPhone, phoneSchema } from './phone';

describe('phone numbers', () => {
  it.each(['13812341234', '19912345678', '0551-62345678', '055162345678', '010-1234567'])('accepts %s', (phone) => {
    expect(phoneSchema.safeParse(phone).success).toBe(true);
  });

  it.each(['12812341234', '1381234123', 'abc', '', '138 1234 1234x'])('rejects %s', (phone) => {
    expect(phoneSchema.safeParse(phone).success).toBe(false);
  });

  it('masks a mobile as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('masks a landline keeping the area code and the last four digits', () => {
    expect(maskPhone('0551-62345678')).toBe('0551-****5678');
    expect(maskPhone('055162345678')).toBe('0551****5678');
  });
});
