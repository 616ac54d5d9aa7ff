import type { Fact, ManualEntry } from './facts';
import { applyCoverTransfers, flagsFor, gradeFor, payoutFor } from './grading';
import { type RunRecord, type SheetRecord, sheetIdOf } from './records';
import { scoreSheet, type Sheet } from './score';

/**
 * Scoring a whole run: one sheet per subject from the run's stored facts and entries, ranked, with the
 * payouts after AB岗 transfers and the flags a run of results raises. Pure: the function loads the
 * history and writes what this returns.
 */

export interface ScoredSubject {
  subjectId: string;
  sheet: Sheet;
  rank: number;
}

export function factsOf(run: Pick<RunRecord, 'facts'>, subjectId: string): Record<string, Fact> {
  return Object.fromEntries(run.facts.filter((f) => f.subjectId === subjectId).map((f) => [f.itemId, f.fact]));
}

export function entriesOf(run: Pick<RunRecord, 'entries' | 'revision'>, subjectId: string): ManualEntry[] {
  return run.entries.filter((e) => e.subjectId === subjectId).map(({ subjectId: _s, revision: _r, ...e }) => e);
}

/** Ranked by total, highest first; equal totals share a rank (1, 2, 2, 4). */
export function scoreRun(run: RunRecord): ScoredSubject[] {
  const scored = run.subjects.map((s) => ({ subjectId: s.id, sheet: scoreSheet(run.ruleSet, factsOf(run, s.id), entriesOf(run, s.id)) }));
  const sorted = [...scored].sort((a, b) => b.sheet.total - a.sheet.total || a.subjectId.localeCompare(b.subjectId));
  return sorted.map((s) => ({ ...s, rank: 1 + sorted.filter((o) => o.sheet.total > s.sheet.total).length }));
}

/** Earlier published totals per subject (oldest first, same table), for the consecutive-result flags. */
export type History = Map<string, number[]>;

export function buildSheets(run: RunRecord, history: History, by: string, now: Date): SheetRecord[] {
  const ranked = scoreRun(run);
  const payouts = applyCoverTransfers(
    ranked.map((r) => ({ personId: r.subjectId, yuan: payoutFor(run.ruleSet, r.sheet.total, r.sheet.vetoed)?.yuan ?? 0, notes: [] })),
    run.covers,
  );
  const correction = run.corrections.find((c) => c.revision === run.revision);
  return ranked.map(({ subjectId, sheet, rank }) => {
    const subject = run.subjects.find((s) => s.id === subjectId)!;
    const paid = payouts.find((p) => p.personId === subjectId)!;
    const monthly = run.ruleSet.payout?.per === 'month';
    return {
      _id: sheetIdOf(run._id, run.revision, subjectId),
      runId: run._id,
      revision: run.revision,
      current: true,
      streetId: run.streetId,
      ...(subject.communityId ? { communityId: subject.communityId } : {}),
      month: run.month,
      ruleSetId: run.ruleSetId,
      ruleSetName: run.ruleSet.name,
      unit: run.ruleSet.unit,
      subjectId,
      subjectKind: subject.kind,
      subjectName: subject.name,
      gridIds: subject.gridIds,
      lines: sheet.lines,
      max: sheet.max,
      bonus: sheet.bonus,
      total: sheet.total,
      vetoed: sheet.vetoed,
      rank,
      grade: gradeFor(run.ruleSet, sheet.total, sheet.vetoed),
      payout: payoutFor(run.ruleSet, sheet.total, sheet.vetoed),
      // Quarterly tables (002 L50) pay on the quarter, not per month: nothing is paid from one sheet.
      paidYuan: monthly ? paid.yuan : null,
      payoutNotes: monthly ? paid.notes : [],
      flags: flagsFor(run.ruleSet, [...(history.get(subjectId) ?? []), sheet.total]),
      ...(correction ? { correctionReason: correction.reason } : {}),
      publishedAt: now,
      publishedBy: by,
    };
  });
}
