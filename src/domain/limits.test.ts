import { checkLimit, DEFAULT_LIMITS, isNewUser, LIMITED_ACTIONS, limitMessage, NEW_USER_MS, type Hit } from './limits';

const T0 = Date.parse('2026-12-01T02:00:00Z'); // 10:00 Beijing
const hits = (n: number, step: number, amount = 1): Hit[] => Array.from({ length: n }, (_, i) => ({ id: `h${i}`, at: T0 + i * step, amount }));

describe('limits', () => {
  it('every limited action has a rule with a reason, and new users are never looser', () => {
    for (const action of LIMITED_ACTIONS) {
      const rule = DEFAULT_LIMITS[action];
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(rule.newUserMax).toBeLessThanOrEqual(rule.max);
    }
    expect(DEFAULT_LIMITS.report).toMatchObject({ max: 10, windowMs: 3_600_000 });
    expect(DEFAULT_LIMITS.photoUpload).toMatchObject({ max: 30, windowMs: 3_600_000 });
    expect(DEFAULT_LIMITS.photoBytes.max).toBe(50 * 1024 * 1024);
    expect(DEFAULT_LIMITS.pickupCodeWrong.max).toBe(5);
  });

  it('allows the 10th report in an hour and refuses the 11th until the first leaves the window', () => {
    const rule = DEFAULT_LIMITS.report;
    const nine = hits(9, 60_000);
    const tenth = checkLimit(nine, rule, false, { id: 'x', at: T0 + 10 * 60_000, amount: 1 });
    expect(tenth.allowed).toBe(true);
    const ten = tenth.allowed ? tenth.hits : [];
    const eleventh = checkLimit(ten, rule, false, { id: 'y', at: T0 + 11 * 60_000, amount: 1 });
    expect(eleventh).toEqual({ allowed: false, retryAt: T0 + 3_600_000, max: 10 });
    // At retryAt the first hit has left the window; one millisecond before it has not.
    expect(checkLimit(ten, rule, false, { id: 'z', at: T0 + 3_600_000, amount: 1 }).allowed).toBe(true);
    expect(checkLimit(ten, rule, false, { id: 'z', at: T0 + 3_600_000 - 1, amount: 1 }).allowed).toBe(false);
  });

  it('applies the new-user maximum and counts bytes by amount', () => {
    expect(checkLimit(hits(3, 1000), DEFAULT_LIMITS.report, true, { id: 'n', at: T0 + 5000, amount: 1 }).allowed).toBe(false);
    const mb = 1024 * 1024;
    const day = hits(24, 60_000, 2 * mb); // 48 MB
    expect(checkLimit(day, DEFAULT_LIMITS.photoBytes, false, { id: 'a', at: T0 + 3_600_000, amount: 2 * mb }).allowed).toBe(true);
    const refused = checkLimit(day, DEFAULT_LIMITS.photoBytes, false, { id: 'b', at: T0 + 3_600_000, amount: 2 * mb + 1 });
    expect(refused).toEqual({ allowed: false, retryAt: T0 + 24 * 3_600_000, max: 50 * mb });
  });

  it('says in Chinese what the limit is and when to try again (Beijing time)', () => {
    expect(limitMessage(DEFAULT_LIMITS.report, 10, T0 + 3_600_000, T0, false)).toBe('操作太频繁：每小时最多上报事件 10 件，请在 11:00 后再试');
    expect(limitMessage(DEFAULT_LIMITS.photoBytes, 10 * 1024 * 1024, T0 + 86_400_000 + 30_001, T0, true)).toBe('操作太频繁：新用户每天最多上传照片 10 MB，请在 12月2日 10:01 后再试');
  });

  it('treats a self-made account as new for an hour, and staff-issued accounts never', () => {
    const now = new Date(T0);
    expect(isNewUser({ roles: [], createdAt: new Date(T0 - NEW_USER_MS + 1) }, now)).toBe(true);
    expect(isNewUser({ roles: [], createdAt: new Date(T0 - NEW_USER_MS) }, now)).toBe(false);
    expect(isNewUser({ roles: [{ role: 'resident' }], createdAt: now }, now)).toBe(false);
  });
});
