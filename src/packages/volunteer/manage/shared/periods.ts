import { chinaMonthNow } from '../../shared/china-time-text';

/** This year and the two before it, as choice tiles ("2026年"). */
export function recentYears(count = 3): { value: string; label: string }[] {
  const { year } = chinaMonthNow();
  return Array.from({ length: count }, (_, i) => ({ value: String(year - i), label: `${year - i}年` }));
}

/** The current quarter in China time (1–4). */
export function quarterNow(): { year: number; quarter: number } {
  const { year, month } = chinaMonthNow();
  return { year, quarter: Math.ceil(month / 3) };
}

export const QUARTERS = [
  { value: '1', label: '第一季度（1–3月）' },
  { value: '2', label: '第二季度（4–6月）' },
  { value: '3', label: '第三季度（7–9月）' },
  { value: '4', label: '第四季度（10–12月）' },
] as const;

export function quarterLabel(quarter: number): string {
  return QUARTERS[quarter - 1]?.label ?? `第${quarter}季度`;
}
