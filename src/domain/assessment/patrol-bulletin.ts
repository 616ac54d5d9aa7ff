import * as z from 'zod';
import { chinaDayIndex, chinaDayStart, chinaIsoDate, dayIndexOfIsoDate } from '../calendar/china-time';

/**
 * The half-monthly 巡查通报 (issue 16 item 6; 002 L151 "每半月評分一次,以《巡查通報》的方式向網管支隊通報"):
 * one row per grid worker of the scope with the half-month's patrols against its working days, ranked.
 * Pure: the half-month, the rows from the patrol facts, the title and the stored record.
 */

/** `2026-11-1` = 1st–15th, `2026-11-2` = 16th–month end, China calendar days. */
export const halfMonthSchema = z
  .string({ error: '请选择半月' })
  .regex(/^20\d{2}-(0[1-9]|1[0-2])-[12]$/, '半月格式应为 年-月-1(上半月)或 年-月-2(下半月),如 2026-11-1')
  .describe('半月');

export interface HalfMonth {
  key: string;
  /** First and last China dates, inclusive. */
  firstDate: string;
  lastDate: string;
  /** Instants: China midnight of the first day, and of the day after the last. */
  start: number;
  end: number;
  label: string;
}

export function halfMonthOf(key: string): HalfMonth {
  const [y, m, half] = key.split('-');
  const first = half === '1' ? `${y}-${m}-01` : `${y}-${m}-16`;
  const nextMonthFirst = chinaIsoDate(dayIndexOfIsoDate(`${y}-${m}-28`) + 4).slice(0, 7) + '-01';
  const endIndex = half === '1' ? dayIndexOfIsoDate(`${y}-${m}-16`) : dayIndexOfIsoDate(nextMonthFirst);
  return {
    key,
    firstDate: first,
    lastDate: chinaIsoDate(endIndex - 1),
    start: chinaDayStart(dayIndexOfIsoDate(first)),
    end: chinaDayStart(endIndex),
    label: `${y}年${Number(m)}月${half === '1' ? '上' : '下'}半月`,
  };
}

/** The China dates of a half-month. */
export function datesOf(h: HalfMonth): string[] {
  const out: string[] = [];
  for (let d = dayIndexOfIsoDate(h.firstDate); d <= dayIndexOfIsoDate(h.lastDate); d++) out.push(chinaIsoDate(d));
  return out;
}

const previousHalf = (key: string) =>
  key.endsWith('-2') ? `${key.slice(0, 7)}-1` : `${chinaIsoDate(dayIndexOfIsoDate(`${key.slice(0, 7)}-01`) - 1).slice(0, 7)}-2`;

/** The `count` half-months before the one `now` falls in, newest first: the ones a page offers (all over). */
export function recentHalfMonths(now: number, count: number): string[] {
  const today = chinaIsoDate(chinaDayIndex(now));
  let key = `${today.slice(0, 7)}-${Number(today.slice(8)) <= 15 ? 1 : 2}`;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push((key = previousHalf(key)));
  return out;
}

/** One patrol as the bulletin reads it: compliance's patrol facts with its check-ins and findings. */
export interface PatrolBulletinFact {
  workerId: string;
  /** China date the patrol started. */
  date: string;
  minutes: number;
  checkIns: number;
  casesFiled: number;
  onSpot: number;
}

export const patrolBulletinRowSchema = z.object({
  rank: z.number().int(),
  workerId: z.string(),
  name: z.string(),
  /** Working days of the half-month (the street's calendar, 调休 included). */
  workingDays: z.number().int(),
  /** Working days with at least one patrol. */
  patrolDays: z.number().int(),
  /** Working days without any (002 L28 漏巡). */
  missedDays: z.number().int(),
  /** Rest days (weekends, holidays) patrolled anyway: shown, never counted against the working days. */
  restDayPatrols: z.number().int(),
  minutes: z.number().int(),
  checkIns: z.number().int(),
  casesFiled: z.number().int(),
  onSpot: z.number().int(),
});
export type PatrolBulletinRow = z.infer<typeof patrolBulletinRowSchema>;

/**
 * The rows, ranked: fewest missed days first, then most minutes; equal on both share a rank (1, 1, 3).
 * `isWorking` is the street's calendar; patrols of other workers or outside the half-month are ignored.
 */
export function patrolBulletinRows(
  h: HalfMonth,
  workers: ReadonlyArray<{ id: string; name: string }>,
  facts: readonly PatrolBulletinFact[],
  isWorking: (date: string) => boolean,
): PatrolBulletinRow[] {
  const dates = datesOf(h);
  const working = dates.filter(isWorking);
  const rows = workers.map((w) => {
    const mine = facts.filter((f) => f.workerId === w.id && f.date >= h.firstDate && f.date <= h.lastDate);
    const days = new Set(mine.map((f) => f.date));
    const patrolDays = working.filter((d) => days.has(d)).length;
    const sum = (k: 'minutes' | 'checkIns' | 'casesFiled' | 'onSpot') => mine.reduce((n, f) => n + f[k], 0);
    return {
      rank: 0,
      workerId: w.id,
      name: w.name,
      workingDays: working.length,
      patrolDays,
      missedDays: working.length - patrolDays,
      restDayPatrols: [...days].filter((d) => !isWorking(d)).length,
      minutes: sum('minutes'),
      checkIns: sum('checkIns'),
      casesFiled: sum('casesFiled'),
      onSpot: sum('onSpot'),
    };
  });
  rows.sort((a, b) => a.missedDays - b.missedDays || b.minutes - a.minutes || a.name.localeCompare(b.name, 'zh-CN'));
  rows.forEach((r, i) => {
    const before = rows[i - 1];
    r.rank = before && before.missedDays === r.missedDays && before.minutes === r.minutes ? before.rank : i + 1;
  });
  return rows;
}

export const patrolBulletinTitle = (scopeName: string, h: HalfMonth) => `${scopeName}${h.label}巡查通报`;

/** Frozen per scope and half-month: the id says which, so asking again finds it. */
export const patrolBulletinId = (streetId: string, communityId: string | undefined, key: string) => `patrol-${streetId}-${communityId ?? 'all'}-${key}`;

const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

/** `patrol_bulletins/<patrolBulletinId>`: made once after the half-month is over, then frozen. */
export const patrolBulletinRecordSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  /** Absent: the whole street. */
  communityId: z.string().optional(),
  halfMonth: z.string(),
  scopeName: z.string(),
  title: z.string(),
  rows: z.array(patrolBulletinRowSchema),
  pdfFileId: z.string(),
  xlsxFileId: z.string(),
  createdBy: z.string(),
  createdAt: storedDate,
});
export type PatrolBulletinRecord = z.infer<typeof patrolBulletinRecordSchema>;

interface Grant {
  role: string;
  streetId: string;
  communityId?: string;
}

/**
 * Who makes a 巡查通报 of a scope: the street's staff (and its admin, as for ranking 通报) for the street or
 * any community; a community's staff for their own community only.
 */
export function canMakePatrolBulletin(grants: readonly Grant[], streetId: string, communityId: string | undefined): boolean {
  return grants.some(
    (g) => g.streetId === streetId && ((g.role === 'street_staff' || g.role === 'admin') || (g.role === 'community_staff' && communityId !== undefined && g.communityId === communityId)),
  );
}

const SCOPED_READERS = ['community_staff', 'grid_chief', 'grid_officer'];

/** Who reads it (as a shared ranking 通报): the street's staff, and the community staff and grid workers of its scope. */
export function canReadPatrolBulletin(grants: readonly Grant[], b: { streetId: string; communityId?: string }): boolean {
  return grants.some(
    (g) =>
      g.streetId === b.streetId &&
      (g.role === 'street_staff' || g.role === 'admin' || (SCOPED_READERS.includes(g.role) && (b.communityId === undefined || g.communityId === b.communityId))),
  );
}
