import { developerTextIn, withoutSeedReferences } from './developer-text';
import { DEFAULT_TARGETS } from './stats/targets';

describe('withoutSeedReferences', () => {
  it('keeps the quoted rule and drops the seed line reference, in either place', () => {
    expect(withoutSeedReferences('“每天到责任网格进行巡查不少于1小时”（002 L23）')).toBe('“每天到责任网格进行巡查不少于1小时”');
    expect(withoutSeedReferences('002 L37 "限时办结并反馈率95%以上的得10分"：差一档（5%）内为黄')).toBe('"限时办结并反馈率95%以上的得10分"：差一档（5%）内为黄');
    expect(withoutSeedReferences('000 L34–35 交接单 3 个工作日')).toBe('交接单 3 个工作日');
    expect(withoutSeedReferences('按街道要求')).toBe('按街道要求');
  });

  it('leaves no rule reference in any shipped dashboard target reason', () => {
    for (const t of Object.values(DEFAULT_TARGETS)) expect(developerTextIn(withoutSeedReferences(t.reason))).toEqual([]);
  });
});
