import { DomainError } from '../errors';
import { ACTORS, T0, caseIn } from './test-builders';
import { transition } from './transition';

describe('staff change the class the category gave, saying why (issue 8 item 3)', () => {
  it('the officer holding a 突发性 case makes it 一般性; the state and its stage clock stay, the reason is in the timeline', () => {
    const before = caseIn('accepted', { caseClass: 'emergency' });
    const { case: after, event } = transition(before, { type: 'reclassify', caseClass: 'routine', reason: '只是路灯不亮，没有危险' }, ACTORS.owner, T0);
    expect([after.caseClass, after.state, after.stageStartedAt]).toEqual(['routine', 'accepted', before.stageStartedAt]);
    expect(event).toMatchObject({ type: 'reclassify', from: 'accepted', to: 'accepted', note: '事件类型改为一般性。原因：只是路灯不亮，没有危险' });
  });

  it('without a reason nothing changes and the field is named in Chinese', () => {
    try {
      transition(caseIn('accepted'), { type: 'reclassify', caseClass: 'coordination', reason: ' ' }, ACTORS.owner, T0);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).fields).toEqual({ reason: '请填写改类型的原因' });
    }
  });

  it('a resident cannot change it, and a finished case cannot be changed', () => {
    expect(() => transition(caseIn('accepted'), { type: 'reclassify', caseClass: 'routine', reason: '我觉得不急' }, ACTORS.reporter, T0)).toThrow('只有承办人或网格长、社区、街道人员可以改事件类型');
    expect(() => transition(caseIn('resolved'), { type: 'reclassify', caseClass: 'routine', reason: '补改' }, ACTORS.community_staff, T0)).toThrow('当前状态不能改事件类型');
  });
});
