import { appendEntry, balance, checkCorrection, checkRedemption, correctionFor, refundFor, spentBy, yearAvailable, yearEarned } from './ledger';
import { ledgerEntrySchema } from './ledger-entry';
import { ALICE, BOB, china, createAward, createRedemption } from './test-builders';

const conflict = (message: string) => expect.objectContaining({ code: 'CONFLICT', message });

describe('the ledger entry record', () => {
  it('an award cannot take points away', () => {
    expect(ledgerEntrySchema.safeParse({ ...createAward(), points: -2 }).success).toBe(false);
  });

  it('a correction without a reason is refused', () => {
    const bad = { ...correctionFor(createAward(), '重复登记', 'u-admin', china('2025-03-11')), reason: ' ' };
    expect(ledgerEntrySchema.safeParse(bad).success).toBe(false);
  });

  it('an award’s year is the China-time year it was recorded in, not the server’s', () => {
    // 2025-01-01 00:30 in China is still 2024-12-31 in UTC and in New York.
    const award = createAward({ at: china('2025-01-01', '00:30') });
    expect(award.year).toBe(2025);
    expect(ledgerEntrySchema.safeParse({ ...award, year: 2024 }).success).toBe(false);
  });
});

describe('balances', () => {
  it('the all-time total does not reset at new year (总积分不清零)', () => {
    const entries = [createAward({ points: 3, at: china('2024-12-31') }), createAward({ points: 2, at: china('2025-01-02') })];
    expect(balance(entries)).toBe(5);
    expect(yearEarned(entries, 2025)).toBe(2);
  });

  it('a redemption spends only that year’s points', () => {
    const entries = [createAward({ points: 5, at: china('2024-12-01') }), createAward({ points: 2, at: china('2025-01-05') })];
    expect(yearAvailable(entries, 2025)).toBe(2);
    expect(() => checkRedemption(entries, 2025, 3)).toThrow(conflict('本年度积分不足'));
    expect(() => checkRedemption(entries, 2025, 2)).not.toThrow();
  });

  it('a redemption lowers what is available but not what was earned', () => {
    const entries = [createAward({ points: 5 }), createRedemption(3)];
    expect(yearAvailable(entries, 2025)).toBe(2);
    expect(yearEarned(entries, 2025)).toBe(5);
    expect(balance(entries)).toBe(2);
  });

  it('a redemption of zero or fractional points is invalid', () => {
    expect(() => checkRedemption([], 2025, 0)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => checkRedemption([], 2025, 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('corrections: a confirmed entry is never edited (001 L885)', () => {
  it('a correction exactly reverses the award and keeps the original untouched', () => {
    const award = createAward({ points: 3 });
    const before = JSON.stringify(award);
    const ledger = appendEntry([award], correctionFor(award, '同一次服务重复登记', 'u-admin', china('2025-03-12')));
    expect(JSON.stringify(award)).toBe(before);
    expect(ledger).toHaveLength(2);
    expect(ledger[1]).toMatchObject({ kind: 'correction', points: -3, correctsEntryId: award.id });
    expect(balance(ledger)).toBe(0);
  });

  it('a correction made in January takes the points off the year they were earned in', () => {
    const award = createAward({ points: 2, at: china('2024-12-30') });
    const thisYear = createAward({ points: 3, at: china('2025-01-02') });
    const ledger = appendEntry([award, thisYear], correctionFor(award, '核实为虚报', 'u-admin', china('2025-01-03')));
    expect(yearEarned(ledger, 2024)).toBe(0);
    expect(yearAvailable(ledger, 2025)).toBe(3);
  });

  it('an award can be corrected only once', () => {
    const award = createAward();
    const ledger = appendEntry([award], correctionFor(award, '重复', 'u-admin', china('2025-03-12')));
    expect(() => checkCorrection(ledger, award)).toThrow(conflict('该积分记录已冲正'));
  });

  it('points already spent must be refunded before the award is corrected', () => {
    const award = createAward({ points: 5 });
    const redemption = createRedemption(4);
    const ledger = [award, redemption];
    const correction = correctionFor(award, '线索核实不属实', 'u-admin', china('2025-06-02'));
    expect(() => appendEntry(ledger, correction)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(`兑换编号 ${redemption.source.redemptionId}`) }));
    const refunded = appendEntry(ledger, refundFor(redemption, '礼品未领取', 'u-community', china('2025-06-02')));
    expect(yearAvailable(appendEntry(refunded, correction), 2025)).toBe(0);
  });

  it('a refused correction names the gift redemptions that spent the points, newest first, and only as many as needed', () => {
    const older = createAward({ points: 5 });
    const award = createAward({ points: 3, at: china('2025-05-01') });
    const towel = createRedemption(4, { id: 'red-towel', at: china('2025-06-01'), reason: '毛巾 × 1' });
    const soap = createRedemption(2, { id: 'red-soap', at: china('2025-06-05'), reason: '洗衣液 × 1' });
    const rice = createRedemption(1, { id: 'red-rice', at: china('2025-06-09'), reason: '大米 × 1' });
    const ledger = [older, award, towel, soap, rice];
    // available 8 - 7 = 1, the correction needs 3: the newest two (1 + 2) cover it.
    expect(spentBy(ledger, 2025, 2).map((r) => r.id)).toEqual(['red-rice', 'red-soap']);
    let message = '';
    try {
      checkCorrection(ledger, award);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('「大米 × 1」(兑换编号 red-rice)');
    expect(message).toContain('「洗衣液 × 1」(兑换编号 red-soap)');
    expect(message).not.toContain('red-towel');
  });

  it('a refunded redemption is never named as the one that spent the points', () => {
    const award = createAward({ points: 5 });
    const kept = createRedemption(3, { id: 'red-kept', at: china('2025-06-01') });
    const gone = createRedemption(2, { id: 'red-gone', at: china('2025-06-02') });
    const ledger = appendEntry([award, kept, gone], refundFor(gone, '未领取', 'u-community', china('2025-06-03')));
    expect(spentBy(ledger, 2025, 3).map((r) => r.id)).toEqual(['red-kept']);
  });

  it('a redemption cannot be “corrected”, only refunded', () => {
    const redemption = createRedemption(1);
    expect(() => correctionFor(redemption, '退', 'u-admin', china('2025-06-02'))).toThrow(conflict('只能冲正积分奖励;兑换请走退回'));
  });

  it('a correction dated before its award is invalid', () => {
    expect(() => correctionFor(createAward({ at: china('2025-03-10') }), '错', 'u-admin', china('2025-03-09'))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('appending', () => {
  it('the same entry recorded twice is a conflict, not double points', () => {
    const award = createAward();
    expect(() => appendEntry([award], award)).toThrow(conflict('积分记录已存在'));
  });

  it('a redemption that would overdraw is refused', () => {
    expect(() => appendEntry([createAward({ points: 2 })], createRedemption(3))).toThrow(conflict('本年度积分不足'));
  });

  it('a redemption cannot be refunded twice', () => {
    const redemption = createRedemption(2);
    const ledger = appendEntry([createAward({ points: 2 }), redemption], refundFor(redemption, '缺货', 'u-community', china('2025-06-02')));
    const again = { ...refundFor(redemption, '缺货', 'u-community', china('2025-06-03')), id: 'other-refund' };
    expect(() => appendEntry(ledger, again)).toThrow(conflict('退回积分超过兑换所用积分'));
  });

  it('one volunteer’s entry cannot go into another’s ledger', () => {
    expect(() => appendEntry([createAward()], createAward({ ...BOB }))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(ALICE.volunteerId).not.toBe(BOB.volunteerId);
  });
});
