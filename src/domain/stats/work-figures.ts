import * as z from 'zod';
import { percentOf, type KpiValue } from './kpis';

/**
 * The worker level's work figures beside the case KPIs (issue 16 item 1: "valid information items",
 * meeting attendance, and patrol, visit and log counts of the period), defined ONCE here with formula and source. They count the same facts the worklog
 * compliance view counts (cloudfunctions/worklog/compliance-facts.ts): an information item is a case the
 * worker reported (compliance's info_items), meetings are settled invitations judged by
 * src/domain/meeting/attendance.ts (meetingAttendanceOf, the street's leave rule).
 */
export const WORK_FIGURE_KEYS = ['infoItems', 'meetingsRequired', 'meetingsAttended', 'meetingAttendanceRate', 'patrolDays', 'visits', 'logDays'] as const;
export type WorkFigureKey = (typeof WORK_FIGURE_KEYS)[number];

export const WORK_FIGURE_DEFINITIONS: Record<WorkFigureKey, { label: string; formula: string; source: string }> = {
  infoItems: { label: '有效信息', formula: '本期内本人上报的事件数', source: '002 L24 "每月累計提供有效信息20條以上"；与履职一览的"有效信息"同一口径' },
  meetingsRequired: { label: '应参会', formula: '本期已结束的会议邀请数（按街道规则，批准的请假不计入）', source: '002 L27 "每周五上午參加社區網格調度會，每月第一個星期一上午參加街道網格工作調度會"' },
  meetingsAttended: { label: '实参会', formula: '本期已签到的会议数', source: '002 L27；签到见会议签到' },
  meetingAttendanceRate: { label: '参会率', formula: '实参会 ÷ 应参会 × 100%', source: '002 L27；履职一览"会议出席"同一口径' },
  patrolDays: { label: '巡查达标天数', formula: '本期内当天已结束的巡查累计不少于街道每日巡查时长（默认60分钟）的天数', source: '002 L23 "每天巡查不少于1小时"；与履职一览"巡查天数"同一口径' },
  visits: { label: '入户走访', formula: '本期内本人登记的走访次数', source: '000 L36 入户走访；与履职一览"入户走访"同一来源' },
  logDays: { label: '工作日志天数', formula: '本期内本人提交了工作日志的天数', source: '002 L23 "网格日志工整详细"；与履职一览"工作日志天数"同一来源' },
};

export const workFiguresSchema = z.object(Object.fromEntries(WORK_FIGURE_KEYS.map((k) => [k, z.number().nullable()])) as Record<WorkFigureKey, z.ZodNullable<z.ZodNumber>>);
export type WorkFigures = Record<WorkFigureKey, KpiValue>;

export interface WorkFacts {
  infoItems: number;
  meetings: { required: number; attended: number };
  /** Minutes of ended patrols per China date of the period. */
  patrolMinutesByDate: ReadonlyMap<string, number>;
  /** The street's daily patrol minimum (worklog street rules; default 60, 002 L23). */
  patrolMinutesPerDay: number;
  visits: number;
  /** China dates of the period with a submitted log. */
  logDates: ReadonlySet<string>;
}

export function workFiguresOf(f: WorkFacts): WorkFigures {
  return {
    infoItems: f.infoItems,
    meetingsRequired: f.meetings.required,
    meetingsAttended: f.meetings.attended,
    meetingAttendanceRate: percentOf(f.meetings.attended, f.meetings.required),
    patrolDays: [...f.patrolMinutesByDate.values()].filter((m) => m >= f.patrolMinutesPerDay).length,
    visits: f.visits,
    logDays: f.logDates.size,
  };
}
