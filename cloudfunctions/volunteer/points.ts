import * as z from 'zod';
import { CHINA_OFFSET_MS } from '../../src/domain/calendar/china-time';
import { pageOptionsOf } from '../../src/domain/paging';
import { DomainError } from '../../src/domain/errors';
import { chinaMonth, chinaYear, HEALTH_CHECK_TOP_N, monthlyPublication, quarterlySummary, type LedgerEntry, type Quarter } from '../../src/domain/volunteer';
import { authorize, requireCaller, type Caller, type Invocation } from '../_lib';
import { loadRules } from './ledger-store';
import { accountId, entryFromDoc, volunteerCollection } from './records';
import { canOverseeCommunity, communityNames, findVolunteer, isStreetStaff, loadVolunteer, streetOf, volunteerNames } from './scope';

/** The instant a China-time month starts (month may be 13 → January of the next year). */
const chinaMonthStart = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS);

/** The volunteer's ledger summed per year: one aggregation, whatever the number of entries. */
async function pointsByYear(call: Invocation, volunteerId: string): Promise<Map<number, number>> {
  const $ = call.db.command.aggregate;
  const rows = await volunteerCollection(call, 'ledger').aggregate((p) => p.match({ volunteerId }).group({ _id: '$year', points: $.sum('$points') }), yearSumSchema);
  return new Map(rows.map((r) => [r._id, r.points]));
}
const yearSumSchema = z.object({ _id: z.number(), points: z.number() });

/**
 * Own ledger; staff: a volunteer of a community they oversee. One cursor page, newest first (issue 8 item 9);
 * the totals come from the whole ledger (one aggregation), never from the page.
 */
export async function ledger(input: { volunteerId?: string; year?: number; after?: string; limit?: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const volunteerId = input.volunteerId ?? caller.userId;
  const volunteer = await loadVolunteer(call, volunteerId);
  if (volunteerId !== caller.userId) authorize(canOverseeCommunity(caller.roles, volunteer.streetId, volunteer.communityId));
  const year = input.year ?? chinaYear(call.now);
  const where = input.year === undefined ? { volunteerId } : { volunteerId, year };
  const store = volunteerCollection(call, 'ledger');
  const [page, total, byYear, rules] = await Promise.all([
    store.page(where, { orderBy: ['at', 'desc'], ...pageOptionsOf(input) }),
    store.count(where),
    pointsByYear(call, volunteerId),
    loadRules(call, volunteer.streetId),
  ]);
  const shown = page.items.map(entryFromDoc);
  const _ = call.db.command;
  // Which of this page's awards were reversed: the corrections naming them, wherever they sit in the ledger.
  const [corrections, people] = await Promise.all([
    shown.length ? store.all({ volunteerId, correctsEntryId: _.in(shown.map((e) => e.id)) }) : Promise.resolve([]),
    volunteerNames(call, [...new Set(shown.map((e) => e.by))]),
  ]);
  const correctedBy = new Map(corrections.map(entryFromDoc).flatMap((e) => (e.kind === 'correction' ? [[e.correctsEntryId, e.id] as const] : [])));
  const entries = shown.map((e) => ({
    entryId: e.id, kind: e.kind, points: e.points, year: e.year,
    ruleId: e.kind === 'award' ? e.ruleId : undefined,
    ruleLabel: e.kind === 'award' ? rules.find((r) => r.id === e.ruleId)?.activity : undefined,
    reason: e.reason, activityId: e.source.activityId, caseId: e.source.caseId, redemptionId: e.source.redemptionId,
    correctsEntryId: e.kind === 'correction' ? e.correctsEntryId : undefined,
    correctedBy: correctedBy.get(e.id),
    byName: people.get(e.by) ?? (e.by === volunteerId ? volunteer.name : '工作人员'),
    at: e.at.toISOString(),
  }));
  const allTime = [...byYear.values()].reduce((t, p) => t + p, 0);
  return { volunteerId, name: volunteer.name, entries, allTime, yearAvailable: byYear.get(year) ?? 0, year, next: page.next, total };
}

/** From the accounts: this year's earned and redeemable points, and the all-time total (总积分不清零). */
export async function myPoints(_input: unknown, call: Invocation) {
  const caller = await requireCaller(call);
  const year = chinaYear(call.now);
  const docs = await volunteerCollection(call, 'points_accounts').all({ volunteerId: caller.userId });
  const thisYear = docs.find((d) => d.year === year);
  return { year, yearEarned: thisYear?.earned ?? 0, yearAvailable: thisYear?.available ?? 0, allTime: docs.reduce((t, d) => t + d.available, 0) };
}

/**
 * 001 L889 按年评选, read from `points_accounts` (one document per volunteer and year, kept on every ledger
 * append) ordered by `earned` through an index: one page of rows, a count for the total and one for the
 * caller's rank — a handful of round trips however many ledger lines the year has.
 */
async function rankedPage(call: Invocation, where: Record<string, unknown>, limit: number) {
  const _ = call.db.command;
  const scope = { ...where, earned: _.gt(0) };
  // Ties listed by volunteer id, so a tie's order does not change from one read to the next.
  const { items } = await volunteerCollection(call, 'points_accounts').page(scope, { orderBy: ['earned', 'desc'], limit });
  const accounts = items.sort((a, b) => b.earned - a.earned || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0));
  const names = await volunteerNames(call, accounts.map((a) => a.volunteerId));
  const rows: Array<{ rank: number; volunteerId: string; name: string; communityId: string; points: number }> = [];
  accounts.forEach((a, i) => {
    const prev = rows[i - 1];
    rows.push({ rank: prev && prev.points === a.earned ? prev.rank : i + 1, volunteerId: a.volunteerId, name: names.get(a.volunteerId) ?? '', communityId: a.communityId, points: a.earned });
  });
  return { rows, scope };
}

export async function ranking(input: { scope: 'community' | 'street'; year: number; communityId?: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  const own = await findVolunteer(call, caller.userId);
  const where: Record<string, unknown> = { streetId, year: input.year };
  if (input.scope === 'community') {
    const communityId = input.communityId ?? own?.communityId;
    if (!communityId) throw new DomainError('INVALID_INPUT', '输入有误：请选择社区', { communityId: '请选择社区' });
    if (communityId !== own?.communityId) authorize(canOverseeCommunity(caller.roles, streetId, communityId));
    where.communityId = communityId;
  }
  const _ = call.db.command;
  const { rows, scope } = await rankedPage(call, where, 100);
  const accounts = volunteerCollection(call, 'points_accounts');
  const [total, mine] = await Promise.all([accounts.count(scope), accounts.load(accountId(caller.userId, input.year))]);
  let me = null;
  if (mine && mine.earned > 0 && (!where.communityId || mine.communityId === where.communityId)) {
    const shown = rows.find((r) => r.volunteerId === mine.volunteerId);
    const above = shown ? shown.rank - 1 : await accounts.count({ ...where, earned: _.gt(mine.earned) });
    me = { rank: above + 1, volunteerId: mine.volunteerId, name: own?.name ?? '', communityId: mine.communityId, points: mine.earned };
  }
  return { scope: input.scope, year: input.year, total, rows, me };
}

/** 001 L889: the top 50 of the street's year; a tie across the cut is kept whole. */
export async function top(input: { year: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const { rows } = await rankedPage(call, { streetId: streetOf(caller), year: input.year }, HEALTH_CHECK_TOP_N * 4);
  return { year: input.year, rows: rows.filter((r) => r.rank <= HEALTH_CHECK_TOP_N) };
}

async function entriesBetween(call: Invocation, where: Record<string, unknown>, from: Date, to: Date): Promise<LedgerEntry[]> {
  const _ = call.db.command;
  return (await volunteerCollection(call, 'ledger').all({ ...where, at: _.gte(from).and(_.lt(to)) }, { max: 500_000 })).map(entryFromDoc);
}

/** 一月一公示: anyone of the community (its volunteers and its overseers). */
export async function publicationRows(call: Invocation, caller: Caller, communityId: string, month: string) {
  const streetId = streetOf(caller);
  const own = await findVolunteer(call, caller.userId);
  if (own?.communityId !== communityId) authorize(canOverseeCommunity(caller.roles, streetId, communityId));
  const [y, m] = month.split('-').map(Number);
  const entries = await entriesBetween(call, { streetId, communityId }, chinaMonthStart(y, m), chinaMonthStart(y, m + 1));
  const published = monthlyPublication(entries, communityId, { year: y, month: m });
  const [names, communities] = await Promise.all([volunteerNames(call, published.map((p) => p.volunteerId)), communityNames(call, streetId)]);
  return { communityId, communityName: communities.get(communityId) ?? '', month, rows: published.map((p) => ({ ...p, name: names.get(p.volunteerId) ?? '' })) };
}

export async function publication(input: { communityId: string; month?: string }, call: Invocation) {
  return publicationRows(call, await requireCaller(call), input.communityId, input.month ?? monthOf(call.now));
}

function monthOf(at: Date): string {
  const { year, month } = chinaMonth(at);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** 一季一汇总,按季度上报给街道: street staff and the administrator. */
export async function quarterlyRows(call: Invocation, caller: Caller, year: number, quarter: number) {
  const streetId = streetOf(caller);
  authorize(isStreetStaff(caller.roles, streetId));
  const firstMonth = (quarter - 1) * 3 + 1;
  const entries = await entriesBetween(call, { streetId }, chinaMonthStart(year, firstMonth), chinaMonthStart(year, firstMonth + 3));
  const summary = quarterlySummary(entries, streetId, year, quarter as Quarter);
  const [names, communities] = await Promise.all([volunteerNames(call, summary.communities.flatMap((c) => c.volunteers.map((v) => v.volunteerId))), communityNames(call, streetId)]);
  return {
    year, quarter,
    communities: summary.communities.map((c) => ({ communityId: c.communityId, communityName: communities.get(c.communityId) ?? '', points: c.points, volunteers: c.volunteers.map((v) => ({ ...v, name: names.get(v.volunteerId) ?? '' })) })),
  };
}

export async function quarterly(input: { year: number; quarter: number }, call: Invocation) {
  return quarterlyRows(call, await requireCaller(call), input.year, input.quarter);
}
