import type { LedgerEntry } from './ledger-entry';
import { chinaMonth, quarterOfMonth, type ChinaMonth, type Quarter } from './period';

/** Publication and ranking count earned points only (awards net of corrections); redemptions spend, they don't unearn. */
const isEarned = (e: LedgerEntry) => e.kind === 'award' || e.kind === 'correction';

export interface PublishedPoints {
  volunteerId: string;
  communityId: string;
  points: number;
}

const byPointsThenId = (a: { points: number; volunteerId: string }, b: { points: number; volunteerId: string }) =>
  b.points - a.points || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0);

function totalsBy(entries: readonly LedgerEntry[], keyOf: (e: LedgerEntry) => string): Map<string, { entry: LedgerEntry; points: number }> {
  const totals = new Map<string, { entry: LedgerEntry; points: number }>();
  for (const e of entries) {
    const key = keyOf(e);
    const row = totals.get(key);
    totals.set(key, { entry: row?.entry ?? e, points: (row?.points ?? 0) + e.points });
  }
  return totals;
}

function perVolunteerInCommunity(entries: readonly LedgerEntry[]): PublishedPoints[] {
  return [...totalsBy(entries, (e) => `${e.communityId}\u0000${e.volunteerId}`).values()]
    .map(({ entry, points }) => ({ volunteerId: entry.volunteerId, communityId: entry.communityId, points }))
    .sort(byPointsThenId);
}

/**
 * 001 L885 一月一公示: each volunteer's points recorded in one community in a China-time month. A correction
 * shows in the month it was made, so a month once published never changes.
 */
export function monthlyPublication(entries: readonly LedgerEntry[], communityId: string, month: ChinaMonth): PublishedPoints[] {
  return perVolunteerInCommunity(
    entries.filter((e) => {
      const m = chinaMonth(e.at);
      return isEarned(e) && e.communityId === communityId && m.year === month.year && m.month === month.month;
    }),
  );
}

export interface QuarterlySummary {
  streetId: string;
  year: number;
  quarter: Quarter;
  communities: { communityId: string; points: number; volunteers: PublishedPoints[] }[];
}

/** 001 L885 一季一汇总,按季度上报给街道: the three months' publications of every community of the street. */
export function quarterlySummary(entries: readonly LedgerEntry[], streetId: string, year: number, quarter: Quarter): QuarterlySummary {
  const rows = perVolunteerInCommunity(
    entries.filter((e) => {
      const m = chinaMonth(e.at);
      return isEarned(e) && e.streetId === streetId && m.year === year && quarterOfMonth(m.month) === quarter;
    }),
  );
  const communityIds = [...new Set(rows.map((r) => r.communityId))].sort();
  const communities = communityIds.map((communityId) => {
    const volunteers = rows.filter((r) => r.communityId === communityId);
    return { communityId, points: volunteers.reduce((t, v) => t + v.points, 0), volunteers };
  });
  return { streetId, year, quarter, communities };
}

/** 001 L889: 年度积分前50名的志愿者 ... 免费体检1次. */
export const HEALTH_CHECK_TOP_N = 50;
