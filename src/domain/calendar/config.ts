import { z } from 'zod';
import { minutesOfHhmm } from './china-time';

const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm');
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

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
  /** Apply the State Council holiday and 调休 tables shipped by `chinese-days`. */
  usePublicHolidays: z.boolean().default(true),
  /** Extra days the street office is closed (local events, or next year's holidays before the library knows them). */
  extraClosedDates: z.array(isoDateSchema).default([]),
  /** Extra days worked (e.g. a make-up day the library does not know yet). Closed dates win over these. */
  extraWorkingDates: z.array(isoDateSchema).default([]),
});
export type WorkingCalendarConfig = z.output<typeof workingCalendarConfigSchema>;
export type WorkingCalendarConfigInput = z.input<typeof workingCalendarConfigSchema>;

export const DEFAULT_WORKING_CALENDAR: WorkingCalendarConfig = workingCalendarConfigSchema.parse({});
