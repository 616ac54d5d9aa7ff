import { caseFacts, isCaseMetric } from '../../src/domain/assessment/case-facts';
import type { Fact } from '../../src/domain/assessment/facts';
import { ruleSetRecordSchema, runRecordSchema, sheetRecordSchema, type RunRecord, type RunSubject } from '../../src/domain/assessment/records';
import type { RuleSet } from '../../src/domain/assessment/rule-set';
import { caseRecordSchema, type CaseRecord } from '../../src/domain/case/records';
import { DomainError } from '../../src/domain/errors';
import { communityRecordSchema, gridRecordSchema, personRecordSchema } from '../../src/domain/org/records';
import { monthPeriod, periodInstants } from '../../src/domain/stats/period';
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

/**
 * The automatic facts of every subject and item. Case metrics come from the cases (a worker's are those
 * they signed for, 首问负责 001 L163; a community's are all of its cases). Patrol, meeting and
 * information metrics wait for the worker's-day records (issue 14): until then they have no fact and the
 * sheet says "本期无记录".
 */
export async function automaticFacts(db: Database, run: Pick<RunRecord, 'streetId' | 'communityId' | 'month'>, ruleSet: RuleSet, subjects: RunSubject[]) {
  const wanted = ruleSet.items.flatMap((item) => ('from' in item && 'metric' in item.from && isCaseMetric(item.from.metric) ? [{ itemId: item.id, metric: item.from.metric }] : []));
  if (!wanted.length) return [];
  const cases = await casesOfMonth(db, run);
  const out: Array<{ subjectId: string; itemId: string; fact: Fact }> = [];
  for (const s of subjects) {
    const mine = cases.filter((c) => (s.kind === 'worker' ? c.ownerId === s.id : c.communityId === s.communityId));
    const facts = caseFacts(mine);
    for (const w of wanted) out.push({ subjectId: s.id, itemId: w.itemId, fact: facts[w.metric] });
  }
  return out;
}

export function requireSubject(run: RunRecord, subjectId: string): RunSubject {
  const s = run.subjects.find((x) => x.id === subjectId);
  if (!s) throw new DomainError('NOT_FOUND', '被考核对象不在本次考核中', { subjectId: '被考核对象不在本次考核中' });
  return s;
}
