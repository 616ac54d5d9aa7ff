import { setClock, advanceClock } from '../support/case-builders';
import { closeWithRating, fileCase, gridA1People, returnCase, runStatsTimer, statsCaller, type StatsCall } from '../support/stats-builders';
import { useFunctionCloud } from './function-cloud';

/**
 * Issue 16 item 1 for the charts of 统计看板: a month's 立案数 / 结案数 (按月趋势) and a category's 立案数
 * (按分类) open the cases behind them through `stats.cases` — a month's period, or `categoryId` — and
 * the list has exactly the figure's length, for the same scope and period. Cases in two categories and
 * two months, one filed in October and closed in November (cohort counting: it is October's 结案).
 */
const MINUTE = 60_000;
const STREET = { level: 'street', id: 'street-demo' };
const COMMUNITY_A = { level: 'community', id: 'community-a' };
const TWO_MONTHS = { from: '2026-10-01', to: '2026-11-30' };
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

/** Every case behind a figure, following `next` (a page may be short after the exact test). */
async function allCases(call: StatsCall, input: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 20; i += 1) {
    const answer = await call('cases', { ...input, ...(after ? { after } : {}) });
    if (!answer.ok) throw new Error(`stats.cases failed: ${JSON.stringify(answer.error)}`);
    ids.push(...answer.data.items.map((c: { caseId: string }) => c.caseId));
    if (!answer.data.next) return ids.sort();
    after = answer.data.next;
  }
  throw new Error('stats.cases never ended');
}

describe('statistics: the month and category figures drill down to their cases', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  async function twoMonthsOfCases() {
    const p = await gridA1People(base());
    await setClock(base(), '2026-10-20T10:00:00+08:00');
    const octRubbishClosedInNov = await fileCase(p, { categoryId: 'rubbish', description: '十月的垃圾，十一月才结案' });
    const octRubbishOpen = await fileCase(p, { categoryId: 'rubbish', description: '十月的垃圾，还在办' });
    const octTrading = await fileCase(p, { categoryId: 'street_trading', description: '十月的占道经营' });
    await closeWithRating(p, octTrading, 'satisfied');
    await advanceClock(base(), 2 * MINUTE);
    await runStatsTimer(base());

    await setClock(base(), '2026-11-25T10:00:00+08:00');
    await closeWithRating(p, octRubbishClosedInNov, 'satisfied');
    const novRubbishClosed = await fileCase(p, { categoryId: 'rubbish', description: '十一月的垃圾，已结案' });
    await closeWithRating(p, novRubbishClosed, 'basically_satisfied');
    const novTradingOpen = await fileCase(p, { categoryId: 'street_trading', description: '十一月的占道经营，还在办' });
    const novTradingReturned = await fileCase(p, { categoryId: 'street_trading', description: '十一月的占道经营，重复上报' });
    await returnCase(p, novTradingReturned);
    await advanceClock(base(), 2 * MINUTE);
    await runStatsTimer(base());
    return { octRubbishClosedInNov, octRubbishOpen, octTrading, novRubbishClosed, novTradingOpen, novTradingReturned };
  }

  it("a month's 立案数 and 结案数 and a category's 立案数 list exactly the cases counted, for the street and for a community", async () => {
    const c = await twoMonthsOfCases();
    for (const [who, scope] of [
      ['user-street', STREET],
      ['user-community-a', COMMUNITY_A],
    ] as const) {
      const call = await statsCaller(base(), who);
      const board = (await call('dashboard', { scope, period: TWO_MONTHS })).data;
      const month = (m: string) => board.byMonth.find((x: any) => x.month === m)!.counters;
      const category = (id: string) => board.byCategory.find((x: any) => x.categoryId === id)!.counters;
      // The figures themselves, worked out by hand from the steps above.
      expect([month('2026-10').filed, month('2026-10').closed, month('2026-11').filed, month('2026-11').closed]).toEqual([3, 2, 2, 1]);
      expect([category('rubbish').filed, category('street_trading').filed]).toEqual([3, 2]);

      // A month's figure: the cases page with the period narrowed to that month.
      const octFiled = await allCases(call, { scope, period: OCTOBER, figure: 'filed' });
      expect(octFiled).toEqual([c.octRubbishClosedInNov, c.octRubbishOpen, c.octTrading].sort());
      expect(octFiled).toHaveLength(month('2026-10').filed);
      // Closed in November, reported in October: October's 结案, not November's.
      const octClosed = await allCases(call, { scope, period: OCTOBER, figure: 'closed' });
      expect(octClosed).toEqual([c.octRubbishClosedInNov, c.octTrading].sort());
      expect(octClosed).toHaveLength(month('2026-10').closed);
      const novFiled = await allCases(call, { scope, period: NOVEMBER, figure: 'filed' });
      expect(novFiled).toEqual([c.novRubbishClosed, c.novTradingOpen].sort());
      expect(novFiled).toHaveLength(month('2026-11').filed);
      expect(await allCases(call, { scope, period: NOVEMBER, figure: 'closed' })).toEqual([c.novRubbishClosed]);

      // A category's 立案数 over the whole period: the returned report is not 立案, so not listed.
      const rubbish = await allCases(call, { scope, period: TWO_MONTHS, figure: 'filed', categoryId: 'rubbish' });
      expect(rubbish).toEqual([c.octRubbishClosedInNov, c.octRubbishOpen, c.novRubbishClosed].sort());
      expect(rubbish).toHaveLength(category('rubbish').filed);
      const trading = await allCases(call, { scope, period: TWO_MONTHS, figure: 'filed', categoryId: 'street_trading' });
      expect(trading).toEqual([c.octTrading, c.novTradingOpen].sort());
      expect(trading).toHaveLength(category('street_trading').filed);
      // Category and month together narrow both ways (a category's figure of a one-month board).
      const novBoard = (await call('dashboard', { scope, period: NOVEMBER })).data;
      const novTrading = novBoard.byCategory.find((x: any) => x.categoryId === 'street_trading')!.counters.filed;
      expect(await allCases(call, { scope, period: NOVEMBER, figure: 'filed', categoryId: 'street_trading' })).toEqual([c.novTradingOpen]);
      expect(novTrading).toBe(1);
    }
  });

  it('a category never reaches past the scope: another community, another street, or a category the street does not have give nothing', async () => {
    const c = await twoMonthsOfCases();
    // The same category in another street: a stored case of street-other, copied from one of A1's.
    const cases = t.db.collection('cases');
    const source = (await cases.doc(c.novRubbishClosed).get()).data[0];
    const { _id, ...rest } = source;
    await cases.add({ ...rest, _id: 'case-other-street', streetId: 'street-other', communityId: 'community-other', gridId: 'grid-other' });
    expect((await cases.doc('case-other-street').get()).data[0]).toMatchObject({ categoryId: 'rubbish', state: source.state, streetId: 'street-other' });

    const street = await statsCaller(base(), 'user-street');
    const rubbish = await allCases(street, { scope: STREET, period: TWO_MONTHS, figure: 'filed', categoryId: 'rubbish' });
    expect(rubbish).not.toContain('case-other-street');
    expect(rubbish).toHaveLength(3);
    // Without a scope: the caller's widest, still their street only.
    expect(await allCases(street, { period: TWO_MONTHS, figure: 'filed', categoryId: 'rubbish' })).toEqual(rubbish);
    expect(await allCases(street, { scope: STREET, period: TWO_MONTHS, figure: 'filed', categoryId: 'not-in-this-street' })).toEqual([]);

    // Community B's staff: A1's rubbish cases are not theirs, with or without the category; A's scope is refused as before.
    const communityB = await statsCaller(base(), 'user-community-b');
    expect(await allCases(communityB, { period: TWO_MONTHS, figure: 'filed', categoryId: 'rubbish' })).toEqual([]);
    const refused = await communityB('cases', { scope: COMMUNITY_A, period: TWO_MONTHS, figure: 'filed', categoryId: 'rubbish' });
    expect(refused.error.code).toBe('FORBIDDEN');
    expect(refused.data).toBeUndefined();
    // Residents never read the list, category or not.
    const resident = await statsCaller(base(), 'user-resident-1');
    expect((await resident('cases', { figure: 'filed', categoryId: 'rubbish' })).error.code).toBe('FORBIDDEN');
  });

  it('a bad categoryId is refused naming the field, in Chinese', async () => {
    const street = await statsCaller(base(), 'user-street');
    for (const categoryId of ['', 'x'.repeat(41), 42]) {
      const answer = await street('cases', { scope: STREET, period: NOVEMBER, figure: 'filed', categoryId });
      expect(answer.ok).toBe(false);
      expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { categoryId: expect.stringMatching(/分类/) } });
      expect(answer.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
