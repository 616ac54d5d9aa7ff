import { chinaInstant, DEFAULT_WORKING_CALENDAR, isWorkingDate } from '../calendar';
import { draftDayLog, logDaysOf, missingDates, weekTotals } from './daily-log';
import { weekOf } from './periods';

const at = (date: string, hhmm: string) => new Date(chinaInstant(date, hhmm));
const isWorking = (d: string) => isWorkingDate(d, DEFAULT_WORKING_CALENDAR);

describe('the daily log', () => {
  it('drafts the day from its patrols, visits, cases filed and handled, and 当场处置', () => {
    const draft = draftDayLog('2026-12-01', {
      patrols: [
        { gridName: 'A1网格', startedAt: at('2026-12-01', '09:00'), minutes: 70, checkIns: 2, findings: [{ kind: 'case', categoryLabel: '占道经营' }, { kind: 'on_spot', categoryLabel: '乱堆乱放' }] },
        { gridName: 'A1网格', startedAt: at('2026-12-01', '15:00'), checkIns: 0, findings: [] },
      ],
      visits: [{ kind: 'six_must', group: 'lone_elderly', targetLabel: '3栋502', visitedAt: at('2026-12-01', '10:30') }],
      caseSteps: [
        { caseId: 'c1', type: 'report' },
        { caseId: 'c2', type: 'accept' },
        { caseId: 'c2', type: 'resolve' },
        { caseId: 'c3', type: 'escalate' }, // the timer's step, not the worker's handling
      ],
    });
    expect(draft.summary).toEqual({ patrols: 2, patrolMinutes: 70, checkIns: 2, visits: 1, casesFiled: 1, casesHandled: 1, onSpot: 1 });
    expect(draft.lines).toEqual([
      '09:00 巡查A1网格 70 分钟，楼栋打卡 2 处，发现问题 2 个（占道经营、乱堆乱放）',
      '15:00 巡查A1网格（进行中），楼栋打卡 0 处',
      '10:30 六必访（独居老人）：3栋502',
      '上报事件 1 件',
      '办理事件 1 件',
      '当场处置 1 件',
    ]);
  });

  it('lists a 调休 Saturday without a log as missing, and the holiday Monday before it as rest', () => {
    // 春节 2026: 23 February is still a holiday, 28 February (Saturday) a make-up working day.
    const days = logDaysOf(weekOf(at('2026-02-25', '10:00')), '2026-03-02', isWorking, new Set(['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27']));
    expect(days.map((d) => [d.date, d.status])).toEqual([
      ['2026-02-23', 'rest'],
      ['2026-02-24', 'submitted'],
      ['2026-02-25', 'submitted'],
      ['2026-02-26', 'submitted'],
      ['2026-02-27', 'submitted'],
      ['2026-02-28', 'missing'],
      ['2026-03-01', 'rest'],
    ]);
    expect(missingDates(days)).toEqual(['2026-02-28']);
  });

  it('leaves today open and the rest of the week not yet due', () => {
    const days = logDaysOf(weekOf(at('2026-12-02', '10:00')), '2026-12-02', isWorking, new Set());
    expect(days.map((d) => d.status)).toEqual(['missing', 'missing', 'today', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('adds the days up for the week (周结)', () => {
    const day = { patrols: 1, patrolMinutes: 65, checkIns: 1, visits: 2, casesFiled: 1, casesHandled: 0, onSpot: 1 };
    expect(weekTotals([day, day])).toEqual({ patrols: 2, patrolMinutes: 130, checkIns: 2, visits: 4, casesFiled: 2, casesHandled: 0, onSpot: 2 });
  });
});
