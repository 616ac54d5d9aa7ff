import type { z } from 'zod';
import { canRunAssessments, canSeeRanking } from '../../src/domain/assessment/access';
import type { assessApi } from '../../src/domain/assessment/api';
import { gradeFor, quarterPayout, quarterScore } from '../../src/domain/assessment/grading';
import type { SheetRecord } from '../../src/domain/assessment/records';
import { round2 } from '../../src/domain/assessment/rule-set';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { resolveRuleSet, streetOf } from './rule-sets';
import { departmentsLedBy, sheetsOf } from './store';

type In<A extends keyof typeof assessApi> = z.infer<(typeof assessApi)[A]['input']>;

/**
 * A person's own published sheets, newest first: their own as a worker, and those of the departments they
 * are the responsible person of (002 L51–56); never anyone else's.
 */
export async function mySheets(_input: In<'mySheets'>, call: Invocation) {
  const caller = await requireCaller(call);
  const _ = call.db.command;
  const [own, led] = await Promise.all([sheetsOf(call.db).all({ subjectId: caller.userId, current: true }, { max: 500 }), departmentsLedBy(call.db, caller.userId)]);
  const departments = led.length ? await sheetsOf(call.db).all({ subjectKind: 'department', subjectId: _.in(led), current: true }, { max: 500 }) : [];
  return {
    sheets: [...own, ...departments]
      .sort((a, b) => b.month.localeCompare(a.month) || a.subjectName.localeCompare(b.subjectName))
      .map((s) => ({ sheetId: s._id, month: s.month, ruleSetName: s.ruleSetName, subjectName: s.subjectName, total: s.total, unit: s.unit, grade: s.grade, rank: s.rank, paidYuan: s.paidYuan, flags: s.flags.map((f) => f.label) })),
  };
}

/** The sheet is the caller's own: theirs as a worker, or their department's while they are its responsible person. */
async function isOwnSheet(call: Invocation, s: SheetRecord, userId: string): Promise<boolean> {
  if (s.subjectKind === 'worker') return s.subjectId === userId;
  if (s.subjectKind === 'department') return (await departmentsLedBy(call.db, userId)).includes(s.subjectId);
  return false;
}

/** One sheet with every point explained: to its subject, and to the street (or the community's staff for a worker). */
export async function sheet(input: In<'sheet'>, call: Invocation) {
  const caller = await requireCaller(call);
  const s = await sheetsOf(call.db).require(input.sheetId, '考核表');
  const own = await isOwnSheet(call, s, caller.userId);
  authorize(own || canSeeRanking(caller.roles, { streetId: s.streetId, communityId: s.subjectKind === 'worker' ? s.communityId : undefined }), '只能查看本人的考核表');
  const of = (await sheetsOf(call.db).all({ runId: s.runId, revision: s.revision }, { max: 5000 })).length;
  return {
    sheetId: s._id,
    runId: s.runId,
    month: s.month,
    revision: s.revision,
    current: s.current,
    ruleSetName: s.ruleSetName,
    unit: s.unit,
    subjectName: s.subjectName,
    total: s.total,
    max: s.max,
    bonus: s.bonus,
    rank: s.rank,
    of,
    grade: s.grade,
    payout: s.payout,
    paidYuan: s.paidYuan,
    payoutNotes: s.payoutNotes,
    flags: s.flags.map((f) => ({ label: f.label, formula: f.formula })),
    vetoed: s.vetoed,
    correctionReason: s.correctionReason ?? null,
    lines: s.lines,
    publishedAt: s.publishedAt.toISOString(),
  };
}

const quarterMonths = (year: number, q: number) => [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`);

/**
 * The quarter's payouts (000 L39 "每季度兑现"; 002 L50 "每季给予1000元"): per subject, its current sheets
 * of the quarter's months under one table, paid after AB岗 transfers.
 */
export async function quarter(input: In<'quarter'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  authorize(canRunAssessments(caller.roles, streetId), '只有街道工作人员可以查看季度兑现');
  const { ruleSet } = await resolveRuleSet(call, streetId, input.ruleSetId);
  const _ = call.db.command;
  const months = quarterMonths(input.year, input.quarter);
  const sheets = await sheetsOf(call.db).all({ streetId, ruleSetId: ruleSet.id, current: true, month: _.in(months), ...(input.communityId ? { communityId: input.communityId } : {}) }, { max: 20_000 });
  const bySubject = new Map<string, SheetRecord[]>();
  for (const s of sheets) bySubject.set(s.subjectId, [...(bySubject.get(s.subjectId) ?? []), s]);
  const rows = [...bySubject.entries()].map(([subjectId, list]) => {
    const ordered = list.sort((a, b) => a.month.localeCompare(b.month));
    const monthly = ruleSet.payout?.per === 'month';
    // Monthly tables: what each month actually paid after transfers. Quarterly tables: the quarter's mean.
    const pay = monthly
      ? { yuan: round2(ordered.reduce((t, s) => t + (s.paidYuan ?? 0), 0)), formula: `按月兑现:${ordered.map((s) => `${s.month.slice(5)}月${s.paidYuan ?? 0}元`).join('+')}` }
      : quarterPayout(ruleSet, ordered.map((s) => ({ total: s.total, vetoed: s.vetoed }))) ?? { yuan: 0, formula: '该规则不设奖励' };
    const score = quarterScore(ordered.map((s) => s.total));
    return {
      subjectId,
      subjectName: ordered[0].subjectName,
      months: ordered.map((s) => ({ month: s.month, total: s.total })),
      quarterScore: score,
      grade: gradeFor(ruleSet, score, ordered.some((s) => s.vetoed)),
      yuan: pay.yuan,
      formula: pay.formula,
      notes: ordered.flatMap((s) => s.payoutNotes),
      flags: [...new Set(ordered.flatMap((s) => s.flags.map((f) => f.label)))],
    };
  });
  return { rows: rows.sort((a, b) => b.quarterScore - a.quarterScore) };
}
