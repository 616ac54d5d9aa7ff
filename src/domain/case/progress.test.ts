import { caseProgress, type ProgressInput } from './progress';
import { collapseRepeats } from './timeline-collapse';

const officer = { name: '张**', roleLabel: '网格员' };
const resident = { name: '李大爷', roleLabel: '上报人' };
const system = { name: '系统', roleLabel: '自动督办' };

/** A case's story, one timeline entry per step, an hour apart. */
function caseAt(state: ProgressInput['state'], moves: Array<[string, ProgressInput['state'] | undefined, ProgressInput['state']]>, extra: Partial<ProgressInput> = {}): ProgressInput {
  return {
    state,
    createdAt: '2026-11-30T01:00:00.000Z',
    timeline: [
      { type: 'report', to: 'reported', at: '2026-11-30T01:00:00.000Z', by: resident },
      ...moves.map(([type, from, to], i) => ({ type, from, to, at: `2026-11-30T0${i + 2}:00:00.000Z`, by: type === 'rate' ? resident : officer })),
    ],
    ...extra,
  };
}

const statuses = (p: ReturnType<typeof caseProgress>) => p.steps.map((s) => `${s.label}:${s.status}`).join(' ');

describe('the step bar a resident reads', () => {
  it('a new report is 已上报 with its date, waiting for 受理 by the grid officer before the deadline', () => {
    const p = caseProgress(caseAt('reported', [], { deadline: { dueAt: '2026-11-30T03:00:00.000Z', escalatesTo: 'community' } }));
    expect(statuses(p)).toBe('已上报:done 已受理:current 处置中:todo 已办结:todo 已评价:todo');
    expect(p.steps[0].at).toBe('2026-11-30T01:00:00.000Z');
    expect(p.holder).toBe('本网格的网格员');
    expect(p.due).toEqual({ at: '2026-11-30T03:00:00.000Z', missedWords: '到时还没办好，会自动转社区督办' });
  });

  it('after 签收 the officer who signed holds it, by the name the resident may see', () => {
    const p = caseProgress(caseAt('accepted', [['accept', 'reported', 'accepted']]));
    expect(statuses(p)).toBe('已上报:done 已受理:done 处置中:current 已办结:todo 已评价:todo');
    expect(p.steps[1].at).toBe('2026-11-30T02:00:00.000Z');
    expect(p.holder).toBe('网格员 张**');
  });

  it('handed up to the community it is still 处置中, held by the community', () => {
    const p = caseProgress(caseAt('escalated_to_community', [['accept', 'reported', 'accepted'], ['start', 'accepted', 'in_progress'], ['escalate_to_community', 'in_progress', 'escalated_to_community']]));
    expect(statuses(p)).toBe('已上报:done 已受理:done 处置中:current 已办结:todo 已评价:todo');
    // The step's date is when it was entered, not the latest move inside it.
    expect(p.steps[2].at).toBe('2026-11-30T03:00:00.000Z');
    expect(p.holder).toBe('社区');
  });

  it('办结 straight after 签收 passes 处置中 without a date of its own, and explains the check before the rating', () => {
    const p = caseProgress(caseAt('resolved', [['accept', 'reported', 'accepted'], ['resolve', 'accepted', 'resolved']]));
    expect(statuses(p)).toBe('已上报:done 已受理:done 处置中:done 已办结:done 已评价:current');
    expect(p.steps[2].at).toBeUndefined();
    expect(p.next).toContain('核查');
  });

  it('a rated case is over: every step done, nothing next, no deadline', () => {
    const p = caseProgress(
      caseAt('rated', [['accept', 'reported', 'accepted'], ['resolve', 'accepted', 'resolved'], ['verify', 'resolved', 'verified'], ['rate', 'verified', 'rated']], {
        deadline: { dueAt: '2026-12-01T00:00:00.000Z', escalatesTo: 'community' },
      }),
    );
    expect(statuses(p)).toBe('已上报:done 已受理:done 处置中:done 已办结:done 已评价:done');
    expect(p.steps[4].at).toBe('2026-11-30T05:00:00.000Z');
    expect([p.next, p.holder, p.due]).toEqual(['', undefined, undefined]);
    expect(p.ended).toContain('办理结束');
  });

  it('不满意 sends it back: the later steps lose their dates and 处置中 is current again', () => {
    const p = caseProgress(
      caseAt('in_progress', [['accept', 'reported', 'accepted'], ['resolve', 'accepted', 'resolved'], ['verify', 'resolved', 'verified'], ['rate', 'verified', 'in_progress']]),
    );
    expect(statuses(p)).toBe('已上报:done 已受理:done 处置中:current 已办结:todo 已评价:todo');
    expect(p.steps[3].at).toBeUndefined();
    expect(p.steps[2].at).toBe('2026-11-30T05:00:00.000Z');
  });

  it('a returned case stops where it was, with no current step and says so', () => {
    const p = caseProgress(caseAt('returned', [['accept', 'reported', 'accepted'], ['return', 'accepted', 'returned']]));
    expect(statuses(p)).toBe('已上报:done 已受理:done 处置中:todo 已办结:todo 已评价:todo');
    expect(p.ended).toContain('退回');
    expect(p.holder).toBeUndefined();
  });

  it('an archived case without a rating ends at 已办结', () => {
    const p = caseProgress(caseAt('closed', [['accept', 'reported', 'accepted'], ['resolve', 'accepted', 'resolved'], ['verify', 'resolved', 'verified'], ['archive', 'verified', 'closed']]));
    expect(statuses(p)).toBe('已上报:done 已受理:done 处置中:done 已办结:done 已评价:todo');
  });

  it('never puts a Latin word or a rule source in what it says', () => {
    for (const state of ['reported', 'accepted', 'in_progress', 'escalated_to_community', 'dispatched', 'escalated_to_street', 'transferred', 'resolved', 'verified', 'rated', 'closed', 'returned'] as const) {
      const p = caseProgress(caseAt(state, [], { deadline: { dueAt: '2026-12-01T00:00:00.000Z', escalatesTo: 'street_leader' } }));
      const words = [p.next, p.holder ?? '', p.ended ?? '', p.due?.missedWords ?? '', ...p.steps.map((s) => s.label)].join(' ');
      expect(words).not.toMatch(/[A-Za-z]|L\d+|§/);
    }
  });
});

describe('repeated automatic timeline entries', () => {
  const ev = (type: string, at: string, by = system, note = '即将超时') => ({ type, at, by, note, photoUrls: [] as string[] });

  it('three reminders in a row read as one line with the count and the first and last time', () => {
    const out = collapseRepeats([ev('report', '1', resident, ''), ev('near_due', '2'), ev('near_due', '3'), ev('near_due', '4'), ev('accept', '5', officer, '')]);
    expect(out.map((e) => [e.type, e.repeat, e.firstAt, e.at])).toEqual([
      ['report', 1, '1', '1'],
      ['near_due', 3, '2', '4'],
      ['accept', 1, '5', '5'],
    ]);
  });

  it('what people wrote is never merged, even when it repeats', () => {
    const out = collapseRepeats([ev('start', '1', officer, '到了'), ev('start', '2', officer, '到了')]);
    expect(out.map((e) => e.repeat)).toEqual([1, 1]);
  });
});
