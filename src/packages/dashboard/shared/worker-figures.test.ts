import { kpisOf, zeroCounters } from '../../../domain/stats';
import { workerCards, type WorkerRow } from './worker-figures';

const period = { from: '2026-11-01', to: '2026-11-30' };
const scope = { level: 'community' as const, id: 'community-a' };
const row = (over: Partial<WorkerRow> & Pick<WorkerRow, 'userId' | 'name'>, counters: Partial<ReturnType<typeof zeroCounters>> = {}): WorkerRow => {
  const c = { ...zeroCounters(), ...counters };
  return { counters: c, kpis: kpisOf(c), work: null, recordsOpen: true, ...over };
};

describe('worker cards of the dashboard', () => {
  it('shows info items and attendance in words, and opens the cases the worker signed for', () => {
    const [card] = workerCards(
      [row({ userId: 'u-a1', name: '张丽', work: { infoItems: 21, meetingsRequired: 2, meetingsAttended: 1, meetingAttendanceRate: 50, patrolDays: 18, visits: 7, logDays: 20 } }, { reported: 4, filed: 4, closed: 3, closedOnTime: 2 })],
      period,
      scope,
    );
    const line = (label: string) => card.lines.find((l) => l.label === label)!;
    expect(line('有效信息').text).toBe('21条');
    expect(line('参会').text).toBe('1 / 2（50.0%）');
    expect(line('立案数').text).toBe('4');
    // Each case figure opens that worker's cases of the figure (a rate opens its numerator's cases).
    expect(line('立案数').url).toContain('figure=filed');
    expect(line('立案数').url).toContain('ownerId=u-a1');
    expect(line('立案数').url).toContain('level=community&id=community-a');
    expect(line('按期结案率').url).toContain('figure=closedOnTime');
    // Each work figure opens that worker's records behind it, of the card's period and scope, by kind.
    const opens = (label: string) => new URL(`https://x${line(label).url!}`);
    expect(opens('有效信息').pathname).toBe('/packages/dashboard/worker/index');
    const kinds = Object.fromEntries(['有效信息', '参会', '巡查达标天数', '入户走访', '工作日志天数'].map((l) => [l, opens(l).searchParams.get('kind')]));
    expect(kinds).toEqual({ 有效信息: 'reports', 参会: 'meetings', 巡查达标天数: 'patrols', 入户走访: 'visits', 工作日志天数: 'logs' });
    for (const l of Object.keys(kinds)) {
      const q = opens(l).searchParams;
      expect([q.get('userId'), q.get('name'), q.get('from'), q.get('to'), q.get('level'), q.get('id')]).toEqual(['u-a1', '张丽', '2026-11-01', '2026-11-30', 'community', 'community-a']);
    }
    expect(line('巡查达标天数').text).toBe('18天');
    expect(line('入户走访').text).toBe('7次');
    expect(line('工作日志天数').text).toBe('20天');
  });

  it('links the work lines only where the caller may read the worker\'s records', () => {
    const work = { infoItems: 1, meetingsRequired: 1, meetingsAttended: 1, meetingAttendanceRate: 100, patrolDays: 1, visits: 1, logDays: 1 };
    const [colleague] = workerCards([row({ userId: 'u-a2', name: '李强', work, recordsOpen: false })], period, scope);
    const urlOf = (label: string) => colleague.lines.find((l) => l.label === label)!.url;
    expect(['有效信息', '参会', '巡查达标天数', '入户走访', '工作日志天数'].map(urlOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(urlOf('立案数')).toContain('ownerId=u-a2');
  });

  it('says so when a worker had no meeting, and leaves out the work lines when the period was too big to count them', () => {
    const [quiet, unknown] = workerCards(
      [row({ userId: 'u-a2', name: '李强', work: { infoItems: 0, meetingsRequired: 0, meetingsAttended: 0, meetingAttendanceRate: null, patrolDays: 0, visits: 0, logDays: 0 } }), row({ userId: 'u-a3', name: '赵敏' })],
      period,
      scope,
    );
    expect(quiet.lines.find((l) => l.label === '参会')!.text).toBe('本期无应参加的会议');
    expect(quiet.lines.find((l) => l.label === '满意率')!.text).toBe('暂无');
    expect(unknown.lines.map((l) => l.label)).not.toContain('有效信息');
    expect(unknown.lines.map((l) => l.label)).toContain('立案数');
  });
});
