import { figureText, kindFromParam, recordView } from './worker-records';

const figures = { infoItems: 2, meetingsRequired: 2, meetingsAttended: 1, meetingAttendanceRate: 50, patrolDays: 1, visits: 1, logDays: 1 };

describe('the worker records page in words', () => {
  it('says per patrol day whether it reached the street\'s minutes', () => {
    const met = recordView({ kind: 'patrols', date: '2026-11-02', minutes: 70, patrols: 2, required: 60, met: true }, 0);
    const short = recordView({ kind: 'patrols', date: '2026-11-04', minutes: 30, patrols: 1, required: 60, met: false }, 1);
    expect(met.lines).toEqual(['2026-11-02 · 达标', '巡查 2 次，共 70 分钟（每日需 60 分钟）']);
    expect(short.lines[0]).toBe('2026-11-04 · 未达标');
    expect(met.url).toBeUndefined();
  });

  it('shows a visit by its own target label, a meeting with 出席/请假/缺席, an excused leave as not counted', () => {
    expect(recordView({ kind: 'visits', date: '2026-11-09', time: '10:30', kindLabel: '六必访（独居老人）', target: '3栋502' }, 0).lines).toEqual(['2026-11-09 10:30 · 六必访（独居老人）', '走访对象：3栋502']);
    expect(recordView({ kind: 'meetings', date: '2026-11-13', meetingId: 'm2', title: '社区网格调度会', outcome: '缺席', statusLabel: '缺席', counted: true }, 0).lines).toEqual(['2026-11-13 · 缺席', '社区网格调度会']);
    expect(recordView({ kind: 'meetings', date: '2026-11-20', meetingId: 'm3', title: '调度会', outcome: '请假', statusLabel: '已准假', counted: false }, 0).lines).toContain('已准假，按街道规则不计入应参会');
    expect(recordView({ kind: 'logs', date: '2026-11-02' }, 0).lines).toEqual(['2026-11-02 · 已提交工作日志']);
  });

  it('opens a reported case on the case page', () => {
    const v = recordView({ kind: 'reports', date: '2026-11-05', caseId: 'case 1', categoryLabel: '环境卫生', stateLabel: '处理中', summary: '楼道堆放杂物' }, 0);
    expect(v.lines).toEqual(['2026-11-05 · 环境卫生 · 处理中', '楼道堆放杂物']);
    expect(v.url).toBe('/packages/staff/case/index?caseId=case%201');
    expect(v.ariaLabel).toContain('查看事件');
  });

  it('heads the list with the card\'s figure, and falls back to a known kind', () => {
    expect(figureText('patrols', figures)).toContain('巡查达标天数：1天');
    expect(figureText('meetings', figures)).toBe('参会：1 / 2（出席 / 应参会）');
    expect(figureText('reports', figures)).toBe('有效信息：2条');
    expect(kindFromParam('visits')).toBe('visits');
    expect(kindFromParam('nonsense')).toBe('reports');
  });
});
