import { suggestedDate } from './kinds';

describe('the date a meeting usually falls on (the schedule form\'s default)', () => {
  it('the community\'s: the next Friday, a week on when today is Friday (002 L27)', () => {
    expect(suggestedDate('community_dispatch', '2026-11-30')).toBe('2026-12-04');
    expect(suggestedDate('community_dispatch', '2026-12-03')).toBe('2026-12-04');
    expect(suggestedDate('community_dispatch', '2026-12-04')).toBe('2026-12-11');
    expect(suggestedDate('community_dispatch', '2026-12-06')).toBe('2026-12-11');
  });
  it('the street\'s: the first Monday of the month, or of the next month once it has passed (002 L27)', () => {
    expect(suggestedDate('street_dispatch', '2026-11-30')).toBe('2026-12-07');
    expect(suggestedDate('street_dispatch', '2026-12-01')).toBe('2026-12-07');
    expect(suggestedDate('street_dispatch', '2026-12-07')).toBe('2027-01-04');
    expect(suggestedDate('street_dispatch', '2026-12-20')).toBe('2027-01-04');
  });
  it('the others: tomorrow', () => expect(suggestedDate('opinion_analysis', '2026-12-31')).toBe('2027-01-01'));
});
