import { chinaMonthNow } from './china-time-text';

/**
 * This month and the `count - 1` before it, as the contract's "2026-03" with a spoken label. `from` is the
 * server's current month where the data is dated by the server (the phone's clock may be another month).
 */
export function recentMonths(count = 3, from?: string): { value: string; label: string }[] {
  const now = from ? { year: Number(from.slice(0, 4)), month: Number(from.slice(5, 7)) } : chinaMonthNow();
  return Array.from({ length: count }, (_, i) => {
    const index = now.year * 12 + (now.month - 1) - i;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return { value: `${year}-${String(month).padStart(2, '0')}`, label: `${year}年${month}月` };
  });
}

export function monthLabel(value: string): string {
  const [y, m] = value.split('-');
  return `${y}年${Number(m)}月`;
}
