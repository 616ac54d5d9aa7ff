import * as z from 'zod';
import { configRecordSchema } from '../../src/domain/case/records';
import { DomainError } from '../../src/domain/errors';
import { patrolRecordSchema } from '../../src/domain/patrol/records';
import { userRecordSchema } from '../../src/domain/user';
import { gridLogRecordSchema, visitRecordSchema, WORKER_ROLES } from '../../src/domain/worklog';
import { caseRecordSchema } from '../../src/domain/case/records';
import { attendanceRecordSchema } from '../../src/domain/meeting/records';
import { usersOf, type Database } from '../_lib';
import { streetWorkConfigIds } from './street-rules';

/**
 * What the compliance view reads, in ONE aggregation (issue 14 item 8: ≤ 3 round trips with the
 * caller's): anchored on the caller's own `users` document, `$lookup`s with uncorrelated pipelines bring
 * the street's work configs, its workers, and the weeks' patrols, visits, logs and cases — each matched
 * by street and range (indexed) and projected to the few fields the rules read (a patrol's track never
 * leaves the database). Cost grows with the street's activity in those weeks, not its history.
 */
// Per kind of fact: more means the answer would be cut short, which the view refuses rather than show
// wrong colours. Four kinds at this cap with their few projected fields stay far below one document's 16 MB.
export const FACTS_LIMIT = 10_000;
const WORKERS_LIMIT = 1000;
const TOO_MANY = () => new DomainError('CONFLICT', '数据量太大，请缩小范围（少选几周或选一个社区）');

const patrolFact = patrolRecordSchema.pick({ workerId: true, startedAt: true, minutes: true }).extend({
  // Only with `patrolDetail` (the 巡查通报): what was checked and found on the way, never the track.
  checkIns: z.array(z.object({ buildingId: z.string() })).optional(),
  findings: z.array(z.object({ kind: patrolRecordSchema.shape.findings.element.shape.kind })).optional(),
});
const visitFact = visitRecordSchema.pick({ workerId: true, kind: true, group: true, householdId: true, buildingId: true, door: true, targetLabel: true, visitedAt: true });
const logFact = gridLogRecordSchema.pick({ workerId: true, date: true });
// `_id` only for one worker's facts (`workerId`): stats.workerRecords links each reported case.
const caseFact = caseRecordSchema.pick({ reporterId: true, createdAt: true }).extend({ _id: z.string().optional() });
const attendanceFact = attendanceRecordSchema.pick({ userId: true, meetingId: true, kind: true, title: true, startAt: true, endAt: true, cancelled: true, signedInAt: true, leave: true });
const worker = userRecordSchema.pick({ _id: true, name: true, roles: true });

const factsSchema = z.object({
  configs: z.array(configRecordSchema),
  workers: z.array(worker).max(WORKERS_LIMIT),
  patrols: z.array(patrolFact),
  visits: z.array(visitFact),
  logs: z.array(logFact),
  cases: z.array(caseFact),
  /** Meeting invitations of the weeks (issue 14 item 5): the meetings count is real attendance. */
  attendance: z.array(attendanceFact),
});
export type ComplianceFacts = z.infer<typeof factsSchema>;

export interface FactsRange {
  streetId: string;
  from: Date;
  to: Date;
  /** China dates of the logs' range (`date` is a string on `grid_logs`). */
  fromDate: string;
  lastDate: string;
  /** Also each patrol's check-ins and findings (their ids and kinds only), for the 巡查通报. */
  patrolDetail?: boolean;
  /**
   * Only this worker's facts (stats.workerRecords): each kind narrowed by its worker field, the same
   * matches otherwise, so one worker's lists are the street's facts filtered to them; cases carry `_id`.
   */
  workerId?: string;
}

const PATROL_DETAIL = { 'checkIns.buildingId': 1, 'findings.kind': 1 } as const;

export async function loadComplianceFacts(db: Database, callerId: string, r: FactsRange): Promise<ComplianceFacts> {
  const _ = db.command;
  const $ = _.aggregate;
  const range = _.gte(r.from).and(_.lt(r.to));
  const facts = (match: Record<string, unknown>, project: Record<string, 1>) => $.pipeline().match(match).project({ _id: 0, ...project }).limit(FACTS_LIMIT + 1).done();
  const of = (field: string) => (r.workerId ? { [field]: r.workerId } : {});
  const rows = await usersOf(db).aggregate(
    (p) =>
      p
        .match({ _id: callerId })
        .project({ _id: 1 })
        .lookup({ from: 'configs', pipeline: $.pipeline().match({ _id: _.in(streetWorkConfigIds(r.streetId)) }).done(), as: 'configs' })
        .lookup({
          from: 'users',
          pipeline: $.pipeline()
            .match({ ...of('_id'), roles: _.elemMatch({ streetId: r.streetId, role: _.in([...WORKER_ROLES]) }) })
            .project({ _id: 1, name: 1, roles: 1 })
            .limit(WORKERS_LIMIT)
            .done(),
          as: 'workers',
        })
        .lookup({ from: 'patrols', pipeline: facts({ streetId: r.streetId, state: 'ended', startedAt: range, ...of('workerId') }, { workerId: 1, startedAt: 1, minutes: 1, ...(r.patrolDetail ? PATROL_DETAIL : {}) }), as: 'patrols' })
        .lookup({
          from: 'visits',
          pipeline: facts({ streetId: r.streetId, visitedAt: range, ...of('workerId') }, { workerId: 1, kind: 1, group: 1, householdId: 1, buildingId: 1, door: 1, targetLabel: 1, visitedAt: 1 }),
          as: 'visits',
        })
        .lookup({ from: 'grid_logs', pipeline: facts({ streetId: r.streetId, date: _.gte(r.fromDate).and(_.lte(r.lastDate)), ...of('workerId') }, { workerId: 1, date: 1 }), as: 'logs' })
        .lookup({ from: 'cases', pipeline: facts({ streetId: r.streetId, createdAt: range, ...of('reporterId') }, { reporterId: 1, createdAt: 1, ...(r.workerId ? { _id: 1 as const } : {}) }), as: 'cases' })
        .lookup({
          from: 'meeting_attendance',
          pipeline: facts({ streetId: r.streetId, startAt: range, ...of('userId') }, { userId: 1, meetingId: 1, kind: 1, title: 1, startAt: 1, endAt: 1, cancelled: 1, signedInAt: 1, leave: 1 }),
          as: 'attendance',
        }),
    factsSchema,
    { max: 1 },
  );
  const found = rows[0];
  if (!found) throw new DomainError('FORBIDDEN', '您没有权限进行此操作');
  if ([found.patrols, found.visits, found.logs, found.cases, found.attendance].some((list) => list.length > FACTS_LIMIT)) throw TOO_MANY();
  return found;
}
