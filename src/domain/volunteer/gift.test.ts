import { checkStock, giftItemSchema, giftRedemption, pickupCode } from './gift';
import { ALICE, CAROL, china, createAward, createGift } from './test-builders';

describe('pickup codes', () => {
  it('are six digits and keep leading zeros', () => {
    expect(pickupCode(() => 0.000042)).toBe('000042');
    expect(pickupCode(() => 0.999_999_9)).toBe('999999');
    expect(pickupCode(() => 0)).toBe('000000');
  });

  it('refuse a random source outside [0, 1)', () => {
    expect(() => pickupCode(() => 1)).toThrow(RangeError);
    expect(() => pickupCode(() => Number.NaN)).toThrow(RangeError);
  });
});

describe('stock', () => {
  it('a gift with stock left can be redeemed', () => {
    expect(() => checkStock(createGift({ stock: 1 }))).not.toThrow();
  });

  it('the last one cannot be given twice', () => {
    expect(() => checkStock(createGift({ stock: 0 }))).toThrow(expect.objectContaining({ code: 'CONFLICT', message: '礼品库存不足' }));
    expect(() => checkStock(createGift({ stock: 1 }), 2)).toThrow('礼品库存不足');
  });

  it('a withdrawn gift cannot be redeemed', () => {
    expect(() => checkStock(createGift({ active: false }))).toThrow('该礼品已下架');
  });

  it('negative stock is not a valid catalogue item', () => {
    expect(giftItemSchema.safeParse({ ...createGift(), stock: -1 }).success).toBe(false);
  });
});

describe('redeeming a gift', () => {
  const base = { item: createGift({ pointsCost: 10 }), volunteer: ALICE, redemptionId: 'red-1', by: 'u-community', at: china('2025-06-01') };

  it('takes the gift’s cost from this year’s points', () => {
    const entry = giftRedemption({ ...base, entries: [createAward({ points: 12 })] });
    expect(entry).toMatchObject({ kind: 'redemption', points: -10, year: 2025, source: { redemptionId: 'red-1' } });
  });

  it('last year’s points do not pay for this year’s gift', () => {
    const entries = [createAward({ points: 30, at: china('2024-11-01') })];
    expect(() => giftRedemption({ ...base, entries })).toThrow('本年度积分不足');
  });

  it('a volunteer redeems only in their own community', () => {
    expect(() => giftRedemption({ ...base, volunteer: CAROL, entries: [] })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
