import { chinaDayIndex, chinaIsoDate } from '../calendar/china-time';
import { MAX_EVIDENCE_PER_FACT, type EvidenceRef, type Fact } from './facts';
import type { RunSubject } from './records';

/**
 * Patrol facts of a run from the patrol records (issue 14): 002 L28 "每天必须巡查负责小区,发现漏巡罚50元/次"
 * counts a working day on which a worker started no patrol as one miss; 002 L120 排查率 is the share of
 * (grid, working day) pairs somebody patrolled. Working days only: the street's calendar decides which
 * days are due (weekends and holidays are not misses unless the street's calendar makes them working days).
 */

export interface PatrolDay {
  workerId: string;
  gridId: string;
  startedAt: Date;
}

const dayOf = (t: Date) => chinaIsoDate(chinaDayIndex(t.getTime()));

function evidence(missing: string[], label: (key: string) => string): EvidenceRef[] {
  return missing.slice(0, MAX_EVIDENCE_PER_FACT).map((key) => ({ kind: 'patrolDay', id: key, label: label(key) }));
}

/** `dueDays`: the period's working days already over (ISO dates). */
export function patrolFacts(subject: RunSubject, dueDays: readonly string[], patrols: readonly PatrolDay[]): { missedDays: Fact; coverageRate: Fact } {
  const byWorker = new Set(patrols.map((p) => `${p.workerId}|${dayOf(p.startedAt)}`));
  const byGrid = new Set(patrols.map((p) => `${p.gridId}|${dayOf(p.startedAt)}`));
  const pairs = subject.gridIds.flatMap((g) => dueDays.map((d) => `${g}|${d}`));
  const uncovered = pairs.filter((k) => !byGrid.has(k));
  const missed = subject.kind === 'worker' ? dueDays.filter((d) => !byWorker.has(`${subject.id}|${d}`)).map((d) => `${subject.id}|${d}`) : uncovered;
  const label = (key: string) => `${key.split('|')[1]} ${subject.kind === 'worker' ? '未巡查' : `${key.split('|')[0]} 无人巡查`}`;
  return {
    missedDays: { kind: 'count', count: missed.length, evidence: evidence(missed, label) },
    coverageRate: { kind: 'rate', numerator: pairs.length - uncovered.length, denominator: pairs.length, evidence: evidence(uncovered, label) },
  };
}
