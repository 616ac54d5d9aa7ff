import * as z from 'zod';
import { chinaDayIndex, chinaDayStart, chinaIsoDate, dayIndexOfIsoDate } from '../calendar/china-time';
import type { WorkingCalendarConfig } from '../calendar/config';
import { compileCalendar } from '../calendar/working-day';

/**
 * The register's deadlines (000 L34: "信息变动不得超过5个工作日；每月要与网格内租房户至少见面1次 … 对新流入的
 * 人员信息采集不得超过1个月"). Pure functions of a date and the street's working calendar; each rule is
 * street config with a default and its reason.
 */
export const REGISTER_DEADLINE_KINDS = ['change', 'new_arrival', 'renter_contact', 'handover_ack'] as const;
export type RegisterDeadlineKind = (typeof REGISTER_DEADLINE_KINDS)[number];

export const REGISTER_DEADLINE_LABELS: Record<RegisterDeadlineKind, string> = {
  change: '信息变动登记',
  new_arrival: '新流入人员登记',
  renter_contact: '租房户每月见面',
  handover_ack: '交接单签收',
};

export const registerDeadlineRuleSchema = z.object({
  unit: z.enum(['working_days', 'months']),
  amount: z.number().int('时限应为整数').min(1, '时限至少为 1').max(24, '时限最多为 24'),
  reason: z.string().trim().min(1, '请写明依据').max(200),
});
export type RegisterDeadlineRule = z.infer<typeof registerDeadlineRuleSchema>;

export const DEFAULT_REGISTER_DEADLINES: Record<RegisterDeadlineKind, RegisterDeadlineRule> = {
  change: { unit: 'working_days', amount: 5, reason: '000 L34 "信息变动不得超过5个工作日"' },
  new_arrival: { unit: 'months', amount: 1, reason: '000 L34 "对新流入的人员信息采集不得超过1个月"' },
  renter_contact: { unit: 'months', amount: 1, reason: '000 L34 "每月要与网格内租房户至少见面1次"' },
  handover_ack: {
    unit: 'working_days',
    amount: 5,
    reason: '000 L35 "岗位责任人要及时处理并将处理结果反馈给网格责任人"，无来源数字；默认与答复时限相同（002 孟津 5个工作日）',
  },
};

/** The `n`-th working day after `isoDate` (the day itself does not count), as YYYY-MM-DD. */
export function workingDaysAfter(isoDate: string, n: number, cfg: WorkingCalendarConfig): string {
  const cal = compileCalendar(cfg);
  let day = dayIndexOfIsoDate(isoDate);
  for (let counted = 0, scanned = 0; counted < n; scanned++) {
    if (scanned > 366 * 5) throw new RangeError('working calendar has no working day within 5 years');
    day++;
    if (cal.isWorkingDay(day)) counted++;
  }
  return chinaIsoDate(day);
}

/** Same day `n` calendar months later; the 31st becomes the month's last day (1 Jan 31 → 28/29 Feb). */
export function monthsAfter(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const monthIndex = m - 1 + n;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The last date something started on `isoDate` may be done under `rule`. */
export function dueDateOf(isoDate: string, rule: RegisterDeadlineRule, cfg: WorkingCalendarConfig): string {
  return rule.unit === 'working_days' ? workingDaysAfter(isoDate, rule.amount, cfg) : monthsAfter(isoDate, rule.amount);
}

/** A due date holds for the whole China day: overdue from the following midnight. */
export function dueInstantOf(dueDate: string): Date {
  return new Date(chinaDayStart(dayIndexOfIsoDate(dueDate) + 1));
}

/** The China calendar date of an instant (what "today" is for the street). */
export function chinaDateOf(at: Date): string {
  return chinaIsoDate(chinaDayIndex(at.getTime()));
}

