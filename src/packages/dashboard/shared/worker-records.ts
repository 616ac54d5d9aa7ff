import type { ActionOutput } from '../../../domain/api';
import { WORK_FIGURE_DEFINITIONS, WORKER_RECORD_KINDS, WORKER_RECORD_LABELS, type WorkerRecordKind, type WorkFigures } from '../../../domain/stats';

/**
 * The worker records page (issue 16 item 1, worker level): each record of `stats.workerRecords` as a few
 * short lines — one fact a line so 特大字 never squeezes a table — and, for a reported case, the case page
 * it opens. Pure, unit-tested.
 */
export type WorkerRecordItem = ActionOutput<'stats', 'workerRecords'>['items'][number];

export interface RecordView {
  key: string;
  lines: string[];
  /** Set when the record is tappable (a reported case opens the case page). */
  url?: string;
  /** Spoken by a screen reader for a tappable record. */
  ariaLabel?: string;
}

export const caseUrl = (caseId: string) => `/packages/staff/case/index?caseId=${encodeURIComponent(caseId)}`;

export function recordView(item: WorkerRecordItem, index: number): RecordView {
  switch (item.kind) {
    case 'patrols':
      return {
        key: `p-${item.date}`,
        lines: [`${item.date} · ${item.met ? '达标' : '未达标'}`, `巡查 ${item.patrols} 次，共 ${item.minutes} 分钟（每日需 ${item.required} 分钟）`],
      };
    case 'visits':
      return { key: `v-${index}`, lines: [`${item.date} ${item.time} · ${item.kindLabel}`, `走访对象：${item.target}`] };
    case 'logs':
      return { key: `l-${item.date}`, lines: [`${item.date} · 已提交工作日志`] };
    case 'meetings':
      return {
        key: `m-${item.meetingId}`,
        lines: [`${item.date} · ${item.outcome}`, item.title, ...(item.counted ? [] : ['已准假，按街道规则不计入应参会'])],
      };
    case 'reports': {
      const lines = [`${item.date} · ${item.categoryLabel || '事件'}${item.stateLabel ? ` · ${item.stateLabel}` : ''}`, ...(item.summary ? [item.summary] : [])];
      return { key: `r-${item.caseId}`, lines, url: caseUrl(item.caseId), ariaLabel: `${lines.join('，')}，查看事件` };
    }
  }
}

/** The figure the list explains, in the card's words: the page heads its list with it. */
export function figureText(kind: WorkerRecordKind, f: WorkFigures): string {
  const n = (v: number | null) => v ?? 0;
  const TEXT: Record<WorkerRecordKind, string> = {
    patrols: `${WORK_FIGURE_DEFINITIONS.patrolDays.label}：${n(f.patrolDays)}天（下列每天是否达标）`,
    visits: `${WORK_FIGURE_DEFINITIONS.visits.label}：${n(f.visits)}次`,
    logs: `${WORK_FIGURE_DEFINITIONS.logDays.label}：${n(f.logDays)}天`,
    meetings: `参会：${n(f.meetingsAttended)} / ${n(f.meetingsRequired)}（出席 / 应参会）`,
    reports: `${WORK_FIGURE_DEFINITIONS.infoItems.label}：${n(f.infoItems)}条`,
  };
  return TEXT[kind];
}

export const EMPTY_TEXT: Record<WorkerRecordKind, string> = {
  patrols: '本期没有巡查记录。',
  visits: '本期没有走访记录。',
  logs: '本期没有提交工作日志。',
  meetings: '本期没有应参加的会议。',
  reports: '本期没有上报事件。',
};

export const kindFromParam = (v: string | undefined): WorkerRecordKind => (WORKER_RECORD_KINDS as readonly string[]).includes(v ?? '') ? (v as WorkerRecordKind) : 'reports';
export const headingOf = (kind: WorkerRecordKind) => WORKER_RECORD_LABELS[kind];
