import { caseFacts, isCaseMetric } from '../../src/domain/assessment/case-facts';
import type { Fact } from '../../src/domain/assessment/facts';
import { ruleSetRecordSchema, runRecordSchema, sheetRecordSchema, type RunRecord, type RunSubject } from '../../src/domain/assessment/records';
import type { AutomaticMetric, RuleSet } from '../../src/domain/assessment/rule-set';
import { patrolFacts } from '../../src/domain/assessment/patrol-facts';
import { meetingFacts, type MeetingInvitation } from '../../src/domain/assessment/meeting-facts';
import { attendanceRecordSchema } from '../../src/domain/meeting/records';
import { resolveWorkRules, workRulesConfigId, workRulesConfigRecordSchema } from '../../src/domain/worklog';
import { DEFAULT_WORKING_CALENDAR, isWorkingDate } from '../../src/domain/calendar';
import { caseRecordSchema, slaConfigRecordSchema, type CaseRecord } from '../../src/domain/case/records';
import { patrolRecordSchema } from '../../src/domain/patrol/records';
import { DomainError } from '../../src/domain/errors';
import { communityRecordSchema, departmentRecordSchema, gridRecordSchema, personRecordSchema } from '../../src/domain/org/records';
import { chinaDayOf, daysOf, monthPeriod, periodInstants } from '../../src/domain/stats/period';
import { collectionOf, type Database } from '../_lib';

/** The assess function's collections and the reads that fill a run from the data. */

export const ruleSetsOf = (db: Database) => collectionOf(db, 'assessment_rule_sets', ruleSetRecordSchema);
export const runsOf = (db: Database) => collectionOf(db, 'assessment_runs', runRecordSchema);
export const sheetsOf = (db: Database) => collectionOf(db, 'assessment_sheets', sheetRecordSchema);

/** Grid members assessed as workers by default: the officers and chiefs who answer for a grid (000 L39). */
const ASSESSED_MEMBER_ROLES = ['grid_officer', 'grid_chief'] as const;

/** A worker run's subjects: the signed-in people answering for the community's enabled grids. */
export async function workersOf(db: Database, streetId: string, communityId: string): Promise<RunSubject[]> {
  const grids = (await collectionOf(db, 'grids', gridRecordSchema).all({ streetId, communityId, enabled: true })).sort((a, b) => a.code.localeCompare(b.code));
  const members = grids.flatMap((g) => g.members.filter((m) => (ASSESSED_MEMBER_ROLES as readonly string[]).includes(m.role)).map((m) => ({ personId: m.personId, gridId: g._id })));
  const persons = await collectionOf(db, 'persons', personRecordSchema).loadMany(members.map((m) => m.personId));
  const subjects = new Map<string, RunSubject>();
  for (const m of members) {
    const person = persons.find((p) => p._id === m.personId);
    if (!person?.userId) continue; // a person who never signs in has no sheet to open
    const s = subjects.get(person.userId) ?? { id: person.userId, kind: 'worker' as const, name: person.name, communityId, gridIds: [] };
    if (!s.gridIds.includes(m.gridId)) s.gridIds.push(m.gridId);
    subjects.set(person.userId, s);
  }
  return [...subjects.values()];
}

/**
 * A department run's subjects (002 L51–56): the street's enabled 职能部门, each with the people of it who sign
 * in, so none of them scores their own department (002 L135).
 */
export async function departmentsOf(db: Database, streetId: string): Promise<RunSubject[]> {
  const departments = (await collectionOf(db, 'departments', departmentRecordSchema).all({ streetId, enabled: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const persons = await collectionOf(db, 'persons', personRecordSchema).loadMany([...new Set(departments.flatMap((d) => [d.responsiblePersonId, ...d.memberPersonIds]))]);
  const userOf = (personId: string) => persons.find((p) => p._id === personId)?.userId;
  return departments.map((d) => ({
    id: d._id,
    kind: 'department' as const,
    name: d.name,
    gridIds: [],
    memberUserIds: [...new Set([d.responsiblePersonId, ...d.memberPersonIds].map(userOf).filter((u): u is string => Boolean(u)))],
  }));
}

/** The departments whose responsible person is the caller (by the person records carrying their user id): whose sheets they read. */
export async function departmentsLedBy(db: Database, userId: string): Promise<string[]> {
  const persons = await collectionOf(db, 'persons', personRecordSchema).all({ userId });
  if (!persons.length) return [];
  const led = await collectionOf(db, 'departments', departmentRecordSchema).all({ responsiblePersonId: db.command.in(persons.map((p) => p._id)) });
  return led.map((d) => d._id);
}

/** A community run's subjects: the street's enabled communities with their grids. */
export async function communitiesOf(db: Database, streetId: string): Promise<RunSubject[]> {
  const communities = await collectionOf(db, 'communities', communityRecordSchema).all({ streetId, enabled: true });
  const grids = await collectionOf(db, 'grids', gridRecordSchema).all({ streetId });
  return communities
    .sort((a, b) => (a.letter ?? a.name).localeCompare(b.letter ?? b.name))
    .map((c) => ({ id: c._id, kind: 'community' as const, name: c.name, communityId: c._id, gridIds: grids.filter((g) => g.communityId === c._id).map((g) => g._id) }));
}

/** The cases reported in the month (China days) in the run's scope: the cohort the statistics count too. */
async function casesOfMonth(db: Database, run: Pick<RunRecord, 'streetId' | 'communityId' | 'month'>): Promise<CaseRecord[]> {
  const { start, end } = periodInstants(monthPeriod(run.month));
  const _ = db.command;
  const where = { streetId: run.streetId, ...(run.communityId ? { communityId: run.communityId } : {}), createdAt: _.gte(start).and(_.lt(end)) };
  return collectionOf(db, 'cases', caseRecordSchema).all(where, { max: 50_000 });
}

/** The month's working days already over at `now` (the street's calendar, 000 L13 / PRODUCT §5 defaults). */
async function dueDays(db: Database, streetId: string, month: string, now: Date): Promise<string[]> {
  const config = await collectionOf(db, 'configs', slaConfigRecordSchema).load(`sla-${streetId}`);
  const calendar = config?.calendar ?? DEFAULT_WORKING_CALENDAR;
  const today = chinaDayOf(now);
  return daysOf(monthPeriod(month)).filter((d) => d < today && isWorkingDate(d, calendar));
}

async function patrolsOfMonth(db: Database, run: Pick<RunRecord, 'streetId' | 'communityId' | 'month'>) {
  const { start, end } = periodInstants(monthPeriod(run.month));
  const _ = db.command;
  const where = { streetId: run.streetId, ...(run.communityId ? { communityId: run.communityId } : {}), startedAt: _.gte(start).and(_.lt(end)) };
  return collectionOf(db, 'patrols', patrolRecordSchema).all(where, { max: 50_000 });
}

/**
 * The month's meeting invitations in the run's street (a street meeting's people belong to many
 * communities, so a community run filters by the attendee's community, not the meeting's), and the
 * street's rule on approved leave (configs/worklog-rules-<street>, default in src/domain/worklog).
 */
async function meetingsOfMonth(db: Database, run: Pick<RunRecord, 'streetId' | 'month'>): Promise<{ invitations: MeetingInvitation[]; approvedLeaveExcused: boolean }> {
  const { start, end } = periodInstants(monthPeriod(run.month));
  const _ = db.command;
  const [rows, stored] = await Promise.all([
    collectionOf(db, 'meeting_attendance', attendanceRecordSchema).all({ streetId: run.streetId, startAt: _.gte(start).and(_.lt(end)) }, { max: 50_000 }),
    collectionOf(db, 'configs', workRulesConfigRecordSchema).load(workRulesConfigId(run.streetId)),
  ]);
  return {
    invitations: rows.map((r) => ({ ...r, id: r._id, attendeeName: r.name })),
    approvedLeaveExcused: resolveWorkRules(stored ?? undefined).meetings_leave_excused.amount >= 1,
  };
}

type Wanted = { itemId: string; metric: AutomaticMetric };
const PATROL_METRICS: Partial<Record<AutomaticMetric, 'missedDays' | 'coverageRate'>> = { 'patrol.missedDays': 'missedDays', 'patrol.coverageRate': 'coverageRate' };
const MEETING_METRICS: Partial<Record<AutomaticMetric, 'attended' | 'absent'>> = { 'meetings.attended': 'attended', 'meetings.absent': 'absent' };

/**
 * The automatic facts of every subject and item. Case metrics come from the cases (a worker's are those
 * they signed for, 首问负责 001 L163; a community's are all of its cases); patrol metrics from the patrol
 * records (issue 14) over the month's working days; meeting metrics from the invitations of meetings that
 * started in the month (issue 14 item 5). Information metrics have no records yet: they get no fact and
 * the sheet says "本期无记录".
 */
export async function automaticFacts(db: Database, run: Pick<RunRecord, 'streetId' | 'communityId' | 'month'>, ruleSet: RuleSet, subjects: RunSubject[], now: Date) {
  const wanted: Wanted[] = ruleSet.items.flatMap((item) => ('from' in item && 'metric' in item.from ? [{ itemId: item.id, metric: item.from.metric }] : []));
  const caseItems = wanted.filter((w) => isCaseMetric(w.metric));
  const patrolItems = wanted.filter((w) => PATROL_METRICS[w.metric]);
  const meetingItems = wanted.filter((w) => MEETING_METRICS[w.metric]);
  const cases = caseItems.length ? await casesOfMonth(db, run) : [];
  const [patrols, days] = patrolItems.length ? await Promise.all([patrolsOfMonth(db, run), dueDays(db, run.streetId, run.month, now)]) : [[], []];
  const meetings = meetingItems.length ? await meetingsOfMonth(db, run) : { invitations: [], approvedLeaveExcused: true };
  const out: Array<{ subjectId: string; itemId: string; fact: Fact }> = [];
  for (const s of subjects) {
    if (caseItems.length) {
      const mine = cases.filter((c) => (s.kind === 'worker' ? c.ownerId === s.id : c.communityId === s.communityId));
      const facts = caseFacts(mine);
      for (const w of caseItems) if (isCaseMetric(w.metric)) out.push({ subjectId: s.id, itemId: w.itemId, fact: facts[w.metric] });
    }
    if (patrolItems.length) {
      const facts = patrolFacts(s, days, patrols);
      for (const w of patrolItems) out.push({ subjectId: s.id, itemId: w.itemId, fact: facts[PATROL_METRICS[w.metric]!] });
    }
    if (meetingItems.length) {
      const facts = meetingFacts(s, meetings.invitations, { approvedLeaveExcused: meetings.approvedLeaveExcused }, now);
      for (const w of meetingItems) out.push({ subjectId: s.id, itemId: w.itemId, fact: facts[MEETING_METRICS[w.metric]!] });
    }
  }
  return out;
}

export function requireSubject(run: RunRecord, subjectId: string): RunSubject {
  const s = run.subjects.find((x) => x.id === subjectId);
  if (!s) throw new DomainError('NOT_FOUND', '被考核对象不在本次考核中', { subjectId: '被考核对象不在本次考核中' });
  return s;
}
