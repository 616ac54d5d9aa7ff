import { chinaDayIndex, chinaIsoDate, toEpochMs, type Instant } from './china-time';
import type { WorkingCalendarConfig } from './config';
import { holidaySourceOf, type HolidaySource } from './working-day';

export interface ArrangementWarning {
  /** The year with no confirmed arrangement. */
  year: number;
  source: Exclude<HolidaySource, 'street' | 'bundled'>;
  /** Shown on the admin page and the staff workbench. */
  message: string;
}

/**
 * From `arrangementWarnFrom` (default 1 November, China time) until 31 December: a warning while next year
 * has neither the street's confirmed arrangement nor a bundled State Council table — its deadlines then
 * count only the statutory days off, not the 调休 the notice will add.
 */
export function arrangementWarning(cfg: Pick<WorkingCalendarConfig, 'yearArrangements' | 'arrangementWarnFrom'>, now: Instant): ArrangementWarning | null {
  const today = chinaIsoDate(chinaDayIndex(toEpochMs(now)));
  const year = Number(today.slice(0, 4));
  if (today.slice(5) < cfg.arrangementWarnFrom) return null;
  const next = year + 1;
  const source = holidaySourceOf(next, cfg);
  if (source !== 'statutory') return null;
  return {
    year: next,
    source,
    message: `${next}年放假安排尚未确认：期限暂按法定节假日计算，不含调休。请街道管理员在"时限配置"中粘贴国务院办公厅通知并确认。`,
  };
}
