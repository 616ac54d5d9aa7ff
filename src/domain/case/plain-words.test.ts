import { DEFAULT_DEADLINES } from './sla-config';
import { durationWords, escalationWords } from './plain-words';

describe('timeline lines in plain words', () => {
  it('says an unsigned case went to the community after 2 working hours', () => {
    expect(escalationWords('sign_for', DEFAULT_DEADLINES.sign_for, 'community')).toBe('2 个工作小时内无人签收，已自动转社区督办');
  });

  it('says half a working day, five working days and plain hours as people do', () => {
    expect(durationWords(DEFAULT_DEADLINES.to_street)).toBe('半个工作日');
    expect(durationWords(DEFAULT_DEADLINES.answer)).toBe('5 个工作日');
    expect(durationWords(DEFAULT_DEADLINES.to_community_head)).toBe('2 小时');
    expect(durationWords(DEFAULT_DEADLINES.emergency_sign_for)).toBe('30 分钟');
  });

  it('never carries a rule source into the line', () => {
    for (const [kind, rule] of Object.entries(DEFAULT_DEADLINES)) {
      const line = escalationWords(kind as keyof typeof DEFAULT_DEADLINES, rule, 'street');
      expect(line).not.toMatch(/[A-Za-z]|L\d+|§/);
    }
  });
});
