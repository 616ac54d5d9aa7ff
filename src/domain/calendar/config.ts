import * as z from 'zod';
import { chinaIsoDate, dayIndexOfIsoDate, minutesOfHhmm } from './china-time';

const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm');
const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，如 2026-10-01')
  .refine((d) => chinaIsoDate(dayIndexOfIsoDate(d)) === d, '不是有效的日期');

/**
 * One year's 放假调休 arrangement as the street administrator confirmed it: every day off (放假, the
 * statutory days and the days moved next to them) and every weekend day worked (调休上班). It replaces the
 * bundled table and the statutory fallback for that year. A notice may reach back into the December before
 * (the 2019 notice: "2018年12月30日至2019年1月1日放假调休"), so those dates are allowed too.
 */
export const yearArrangementSchema = z
  .object({
    year: z.number({ error: '请填写年份' }).int('年份应为整数').min(2000, '年份应在 2000–2099 之间').max(2099, '年份应在 2000–2099 之间'),
    holidays: z.array(isoDateSchema).min(1, '至少需要一个放假日期').max(60, '放假日期最多 60 个'),
    workdays: z.array(isoDateSchema).max(30, '调休上班日期最多 30 个').default([]),
    /** How it was entered: pasted State Council notice, or dates picked by hand. */
    source: z.enum(['notice', 'picked']),
    /** The notice's number and date, or why the dates were picked (STYLE: every override has a reason). */
    reason: z.string().trim().min(1, '请写明依据（如通知文号）').max(200, '依据最多 200 字'),
    confirmedBy: z.string().optional(),
    confirmedAt: isoDateSchema.optional(),
  })
  .superRefine((a, ctx) => {
    const inRange = (d: string) => d >= `${a.year - 1}-12-01` && d <= `${a.year}-12-31`;
    a.holidays.forEach((d, i) => inRange(d) || ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${d} 不在 ${a.year} 年的安排范围内` }));
    a.workdays.forEach((d, i) => inRange(d) || ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} 不在 ${a.year} 年的安排范围内` }));
    const both = a.workdays.filter((d) => a.holidays.includes(d));
    if (both.length) ctx.addIssue({ code: 'custom', path: ['workdays'], message: `${both.join('、')} 不能既放假又上班` });
  });
export type YearArrangement = z.output<typeof yearArrangementSchema>;

/**
 * From this day (China time, MM-DD) the admin page and the staff workbench warn while next year has no
 * confirmed arrangement. The State Council publishes in late October–November (2025's notice on
 * 12 Nov 2024, 2026's on 4 Nov 2025), so 1 November starts the watch with weeks to spare.
 */
export const DEFAULT_ARRANGEMENT_WARN_FROM = { monthDay: '11-01', reason: '国务院办公厅通常于10月底至11月发布次年放假安排（2025年11月4日发布2026年安排）' } as const;

export const workingPeriodSchema = z
  .object({ start: hhmmSchema, end: hhmmSchema })
  .refine((p) => minutesOfHhmm(p.start) < minutesOfHhmm(p.end), { message: '结束时间应晚于开始时间', path: ['end'] });

/**
 * A street's working-time calendar. Defaults are the spec's (PRODUCT.md §5: "working time, not wall-clock
 * time … knows Chinese public holidays and make-up working days (调休)"); the hours are a default with no
 * source number (a typical Chinese office day), changeable per street.
 */
export const workingCalendarConfigSchema = z.object({
  periods: z
    .array(workingPeriodSchema)
    .min(1, '至少需要一个工作时段')
    .default([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ])
    .refine(
      (ps) => ps.every((p, i) => i === 0 || minutesOfHhmm(ps[i - 1].end) <= minutesOfHhmm(p.start)),
      '工作时段应按时间顺序排列且互不重叠',
    ),
  /** Weekdays worked when no holiday rule says otherwise; 0 = Sunday. Default Monday–Friday. */
  workingWeekdays: z.array(z.number().int().min(0).max(6)).default([1, 2, 3, 4, 5]),
  /**
   * Apply public holidays: the street's confirmed arrangement of a year, else the State Council tables
   * shipped by `chinese-days`, else (a year neither knows yet) the statutory days computed from the law.
   */
  usePublicHolidays: z.boolean().default(true),
  /** Extra days the street office is closed (local events, or next year's holidays before the library knows them). */
  extraClosedDates: z.array(isoDateSchema).default([]),
  /** Extra days worked (e.g. a make-up day the library does not know yet). Closed dates win over these. */
  extraWorkingDates: z.array(isoDateSchema).default([]),
  /** Years whose State Council arrangement the street administrator has confirmed (one entry per year). */
  yearArrangements: z
    .array(yearArrangementSchema)
    .max(30, '年度安排最多 30 个')
    .default([])
    .refine((as) => new Set(as.map((a) => a.year)).size === as.length, '每年只能有一个放假安排'),
  /** MM-DD from which a missing arrangement for next year is warned about. */
  arrangementWarnFrom: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 月-日，如 11-01').default(DEFAULT_ARRANGEMENT_WARN_FROM.monthDay),
});
export type WorkingCalendarConfig = z.output<typeof workingCalendarConfigSchema>;
export type WorkingCalendarConfigInput = z.input<typeof workingCalendarConfigSchema>;

export const DEFAULT_WORKING_CALENDAR: WorkingCalendarConfig = workingCalendarConfigSchema.parse({});
