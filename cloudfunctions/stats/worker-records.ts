import type { ActionOutput } from '../../src/domain/api';
import { CASE_STATE_LABELS } from '../../src/domain/case/case-state';
import { monthToDate, type Period, type ScopeInput, type WorkerRecordKind, type WorkerRecords } from '../../src/domain/stats';
import { authorize, requireCaller, type Database, type Invocation } from '../_lib';
import { casesOf } from '../_lib/cases/store';
import { checkedScope } from './checked-scope';
import { mayOpenRecords, scopeWorkOf } from './worker-work';

/**
 * workerRecords (issue 16 item 1, the worker level's drill-down): the records behind one worker's
 * figure — the days of patrol (达标 or not), the visits, the log days, the settled meetings, the cases
 * they reported — for the scope and period. The facts, rules and counting are `stats.workers`' own
 * (worker-work.ts → workerWorkOf), read for this one worker only; the answer carries the worker's figures
 * too, so the page heads its list with the number the card showed.
 *
 * Who: the worker themself, or who supervises one of the worker's grids (the worklog's canSeeWorker: the
 * grid chief, the community's staff, the street), AND the worker must belong to the requested scope
 * (checkedScope: a scope the caller does not hold is FORBIDDEN first). A worker out of reach and a
 * worker who does not exist get the same answer, so ids cannot be probed.
 */
export interface WorkerRecordsInput {
  scope?: ScopeInput;
  period?: Period;
  userId: string;
  kind: WorkerRecordKind;
  after?: string;
  limit?: number;
}

const DEFAULT_LIMIT = 50;
const NOT_YOURS = '只能查看自己或自己所管网格的网格员的记录';

/** What the contract lists (api.ts): each record with its kind. */
type ListedItem = ActionOutput<'stats', 'workerRecords'>['items'][number];

async function reportItems(db: Database, reports: WorkerRecords['reports']) {
  const cases = new Map((await casesOf(db).loadMany(reports.map((r) => r.caseId))).map((c) => [c._id, c]));
  return reports.map((r) => {
    const c = cases.get(r.caseId);
    return { kind: 'reports' as const, date: r.date, caseId: r.caseId, categoryLabel: c?.categoryLabel ?? '', stateLabel: c ? CASE_STATE_LABELS[c.state] : '', summary: c?.description.slice(0, 60) ?? '' };
  });
}

export async function workerRecords(input: WorkerRecordsInput, call: Invocation) {
  const caller = await requireCaller(call);
  const scope = await checkedScope(call.db, caller.roles, input.scope);
  const period = input.period ?? monthToDate(call.now);
  const work = await scopeWorkOf(call, caller, scope.match, period, input.userId);
  authorize(mayOpenRecords(work, caller, input.userId), NOT_YOURS);
  const worker = work.workers.find((w) => w.id === input.userId);
  const { records, figures } = work.of(worker!.id);
  const all = records[input.kind];
  const offset = Number(input.after ?? 0);
  const limit = input.limit ?? DEFAULT_LIMIT;
  const page = all.slice(offset, offset + limit);
  const items =
    input.kind === 'reports'
      ? await reportItems(call.db, page as WorkerRecords['reports'])
      : page.map((r) => ({ kind: input.kind, ...r }) as ListedItem);
  return { kind: input.kind, userId: worker!.id, name: worker!.name, figures, total: all.length, items, next: offset + limit < all.length ? String(offset + limit) : null };
}
