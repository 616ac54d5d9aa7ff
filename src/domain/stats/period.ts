import * as z from 'zod';
import { chinaDayIndex, chinaDayStart, chinaIsoDate, dayIndexOfIsoDate, DAY_MS } from '../calendar/china-time';

/**
 * A statistics period: whole China calendar days, `from` and `to` inclusive. A month is its first to its
 * last day, a year 1 January to 31 December; the figures of a period are the sum of its daily rows.
 */
export const STATS_LIMITS = {
  /** Two years: a year's dashboard compared with the year before; beyond that, export the ledger. */
  maxPeriodDays: { value: 731, reason: '一年看板及与上年对比；更长的时段请导出台账' },
} as const;

// '2026-13-45' parses to NaN: a day that does not exist is refused, never thrown on.
const isRealDay = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const index = dayIndexOfIsoDate(d);
  return Number.isFinite(index) && chinaIsoDate(index) === d;
};
export const daySchema = (label: string) => z.string({ error: `请选择${label}` }).refine(isRealDay, `${label}格式应为 年-月-日，如 2026-11-01`);

export const periodSchema = z
  .object({ from: daySchema('开始日期'), to: daySchema('结束日期') })
  .strict()
  .superRefine((p, ctx) => {
    if (!isRealDay(p.from) || !isRealDay(p.to)) return;
    const span = dayIndexOfIsoDate(p.to) - dayIndexOfIsoDate(p.from) + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    if (span > STATS_LIMITS.maxPeriodDays.value) ctx.addIssue({ code: 'custom', path: ['to'], message: '统计时段最长两年，更长请导出台账' });
  });
export type Period = z.infer<typeof periodSchema>;

/** The instants a period covers: [start, end) — China midnight of `from` to China midnight after `to`. */
export function periodInstants(p: Period): { start: Date; end: Date } {
  return { start: new Date(chinaDayStart(dayIndexOfIsoDate(p.from))), end: new Date(chinaDayStart(dayIndexOfIsoDate(p.to)) + DAY_MS) };
}

export function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = dayIndexOfIsoDate(p.from); d <= dayIndexOfIsoDate(p.to); d += 1) out.push(chinaIsoDate(d));
  return out;
}

export const monthsOf = (p: Period): string[] => [...new Set(daysOf(p).map((d) => d.slice(0, 7)))];

const pad = (n: number) => String(n).padStart(2, '0');
/** The whole China calendar month `YYYY-MM`. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  const last = chinaIsoDate(dayIndexOfIsoDate(`${m === 12 ? y + 1 : y}-${pad(m === 12 ? 1 : m + 1)}-01`) - 1);
  return { from: `${month}-01`, to: last };
}
export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The China day an instant falls on, `YYYY-MM-DD`. */
export const chinaDayOf = (t: Date): string => chinaIsoDate(chinaDayIndex(t.getTime()));
/** The China month so far (1st to today) — the dashboard's default. */
export const monthToDate = (now: Date): Period => ({ from: `${chinaDayOf(now).slice(0, 7)}-01`, to: chinaDayOf(now) });
