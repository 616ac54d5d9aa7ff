import type { ActionOutput } from '../../../domain/api';
import { KPI_DEFINITIONS, WORK_FIGURE_DEFINITIONS, type CounterKey, type KpiKey, type Period, type ScopeInput, type WorkerRecordKind } from '../../../domain/stats';
import { casesUrl, workerRecordsUrl } from './links';
import { drillFigureOf, kpiText } from './figures';

/**
 * The worker level of the dashboard (issue 16 item 1): one card per worker of the caller's scope from
 * `stats.workers`, each line a figure with its value in words and, where a page lists the records behind
 * it, where a tap goes. Pure, unit-tested.
 */
export type WorkerRow = ActionOutput<'stats', 'workers'>['workers'][number];

export interface WorkerLine {
  label: string;
  text: string;
  /** The page of the records behind the figure; absent where no page lists them. */
  url?: string;
}

export interface WorkerCard {
  userId: string;
  name: string;
  lines: WorkerLine[];
}

/** Case figures of the cases the worker signed for (首问负责), each opening those cases. */
const CASE_FIGURES: readonly KpiKey[] = ['filed', 'closureRate', 'onTimeClosureRate', 'satisfactionRate', 'overdue'];

function caseLine(w: WorkerRow, k: KpiKey, period: Period, scope: ScopeInput): WorkerLine {
  const label = KPI_DEFINITIONS[k].label;
  const figure: CounterKey = drillFigureOf(k);
  return { label, text: kpiText(k, w.kpis[k]), url: casesUrl(figure, period, scope, `${w.name} ${label}`, w.userId) };
}

export function workerCards(workers: readonly WorkerRow[], period: Period, scope: ScopeInput): WorkerCard[] {
  return workers.map((w) => {
    const work = w.work;
    // Each work figure opens the worker's own records behind it (stats.workerRecords, the same counting) —
    // when the caller may read them (`recordsOpen`: a grid officer sees colleagues' figures, not their records).
    const records = (kind: WorkerRecordKind) => (w.recordsOpen ? { url: workerRecordsUrl(kind, period, scope, w.userId, w.name) } : {});
    const workLines: WorkerLine[] = work
      ? [
          { label: WORK_FIGURE_DEFINITIONS.infoItems.label, text: `${work.infoItems ?? 0}条`, ...records('reports') },
          {
            label: '参会',
            text: work.meetingsRequired ? `${work.meetingsAttended ?? 0} / ${work.meetingsRequired}（${kpiRate(work.meetingAttendanceRate)}）` : '本期无应参加的会议',
            ...records('meetings'),
          },
          { label: WORK_FIGURE_DEFINITIONS.patrolDays.label, text: `${work.patrolDays ?? 0}天`, ...records('patrols') },
          { label: WORK_FIGURE_DEFINITIONS.visits.label, text: `${work.visits ?? 0}次`, ...records('visits') },
          { label: WORK_FIGURE_DEFINITIONS.logDays.label, text: `${work.logDays ?? 0}天`, ...records('logs') },
        ]
      : [];
    return {
      userId: w.userId,
      name: w.name,
      lines: [
        ...workLines,
        ...CASE_FIGURES.map((k) => caseLine(w, k, period, scope)),
      ],
    };
  });
}

const kpiRate = (v: number | null) => (v === null ? '暂无' : `${v.toFixed(1)}%`);
