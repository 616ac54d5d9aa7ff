import { type RuleSet, round2 } from './rule-set';

/** Grades, payouts and the consecutive-result flags of a rule set, as pure functions of totals. */

/** The first band (highest first) whose lower bound the total reaches; a veto forces the veto grade. */
export function gradeFor(set: RuleSet, total: number, vetoed = false): string | null {
  if (vetoed && set.vetoGrade) return set.vetoGrade;
  return set.grades.find((b) => total >= b.atLeast)?.label ?? null;
}

export interface Payout {
  percent: number;
  yuan: number;
  formula: string;
}

/** 000 L42: "满100分以上,得全额奖励即500元;100分以下90分以上得90%" — below every band pays nothing. */
export function payoutFor(set: RuleSet, total: number, vetoed = false): Payout | null {
  if (!set.payout) return null;
  if (vetoed) return { percent: 0, yuan: 0, formula: '一票否决,不予奖励' };
  const band = set.payout.bands.find((b) => total >= b.atLeast);
  const percent = band?.percent ?? 0;
  const yuan = round2((set.payout.baseYuan * percent) / 100);
  const formula = band ? `${round2(total)}分≥${band.atLeast}分,${set.payout.baseYuan}元×${percent}%=${yuan}元` : `${round2(total)}分未达到任何奖励档次,0元`;
  return { percent, yuan, formula };
}

export interface RaisedFlag {
  id: string;
  label: string;
  formula: string;
}

/**
 * "连续三次考核均在85分以下,给予停职处理" (000 L42). `history` is the person's published totals, oldest
 * first, ending with the current period; a flag is raised when the last `times` are all below its bound.
 */
export function flagsFor(set: RuleSet, history: readonly number[]): RaisedFlag[] {
  return set.flags
    .filter((f) => history.length >= f.times && history.slice(-f.times).every((t) => t < f.below))
    .map((f) => ({ id: f.id, label: f.label, formula: `连续${f.times}次低于${f.below}分(${history.slice(-f.times).map(round2).join('、')})` }));
}

/** A quarter's score is the mean of its monthly totals (002 L49 评先评优 each quarter over monthly checks, 002 L130). */
export function quarterScore(monthTotals: readonly number[]): number {
  if (monthTotals.length === 0) return 0;
  return round2(monthTotals.reduce((s, t) => s + t, 0) / monthTotals.length);
}

export interface MonthResult {
  total: number;
  vetoed: boolean;
}

/**
 * What a quarter pays (000 L39 "每季度兑现奖惩"): monthly tables pay the sum of their months' payouts;
 * quarterly tables (002 L50 "每季给予1000元") pay once on the quarter's mean, nothing if any month was vetoed.
 */
export function quarterPayout(set: RuleSet, months: readonly MonthResult[]): Payout | null {
  if (!set.payout) return null;
  if (set.payout.per === 'month') {
    const each = months.map((m) => payoutFor(set, m.total, m.vetoed)!);
    const yuan = round2(each.reduce((s, p) => s + p.yuan, 0));
    return { percent: each.length ? Math.round(each.reduce((s, p) => s + p.percent, 0) / each.length) : 0, yuan, formula: `按月兑现:${each.map((p) => `${p.yuan}元`).join('+') || '无'}=${yuan}元` };
  }
  const vetoed = months.some((m) => m.vetoed);
  const score = quarterScore(months.map((m) => m.total));
  const p = payoutFor(set, score, vetoed)!;
  return { ...p, formula: `季度平均${score}分;${p.formula}` };
}

export interface PersonPayout {
  personId: string;
  yuan: number;
  notes: string[];
}

export interface CoverTransfer {
  absentPersonId: string;
  coverPersonId: string;
  reason: string;
}

/**
 * 000 L45: a person on sick leave of a month or more loses the period's incentive, which is paid to the
 * colleague covering the grid (AB岗). Transfers apply to the absent person's whole amount.
 */
export function applyCoverTransfers(payouts: readonly PersonPayout[], transfers: readonly CoverTransfer[]): PersonPayout[] {
  const out = new Map(payouts.map((p) => [p.personId, { ...p, notes: [...p.notes] }]));
  for (const t of transfers) {
    const absent = out.get(t.absentPersonId);
    if (!absent || absent.yuan === 0) continue;
    const cover = out.get(t.coverPersonId) ?? { personId: t.coverPersonId, yuan: 0, notes: [] };
    cover.yuan = round2(cover.yuan + absent.yuan);
    cover.notes.push(`顶岗所得${absent.yuan}元(${t.reason})`);
    absent.notes.push(`病假期间激励${absent.yuan}元转给顶岗人员(${t.reason})`);
    absent.yuan = 0;
    out.set(t.coverPersonId, cover);
  }
  return [...out.values()];
}
