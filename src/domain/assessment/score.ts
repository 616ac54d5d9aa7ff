import { DomainError } from '../errors';
import { type EvidenceRef, type Fact, type ManualEntry, type EntryValue, latestEntries } from './facts';
import { AUTOMATIC_METRICS, type AssessmentItem, type RuleSet, itemMax, round2, ruleSetMax } from './rule-set';

/**
 * The one interpreter of rule sets: (rule set, facts per item, manual entries) → a sheet in which every
 * point is explained by its item, the formula in Chinese and the evidence behind it.
 */

export type LineRole = 'base' | 'bonus' | 'penalty' | 'veto';

export interface SheetLine {
  itemId: string;
  title: string;
  kind: AssessmentItem['kind'];
  role: LineRole;
  points: number;
  /** The item's share of the table's maximum (0 for bonuses, penalties, vetoes and uncapped awards). */
  max: number;
  formula: string;
  evidence: EvidenceRef[];
  source: string;
  /** A manual item nobody has scored yet counts 0 and says so. */
  pending: boolean;
}

export interface Sheet {
  ruleSetId: string;
  unit: RuleSet['unit'];
  lines: SheetLine[];
  /** The table's nominal maximum (100, 120). */
  max: number;
  /** Points above the maximum the table allows: listed bonuses and uncapped per-unit awards. */
  bonus: number;
  total: number;
  vetoed: boolean;
  pendingItems: string[];
}

function fmt(n: number): string {
  return String(round2(n));
}

function percentText(numerator: number, denominator: number): string {
  return `${((numerator / denominator) * 100).toFixed(2)}%`;
}

function metricLabel(item: { from: { metric: keyof typeof AUTOMATIC_METRICS } | { enteredBy: unknown } }): string {
  return 'metric' in item.from ? AUTOMATIC_METRICS[item.from.metric].label : '考核人员录入次数';
}

function countOf(fact: Fact | undefined): { count: number; evidence: EvidenceRef[]; known: boolean } {
  if (!fact) return { count: 0, evidence: [], known: false };
  if (fact.kind !== 'count') throw new DomainError('INVALID_INPUT', '该条目需要次数,收到的是比率');
  return { count: fact.count, evidence: fact.evidence, known: true };
}

type Scored = Pick<SheetLine, 'points' | 'formula' | 'evidence' | 'pending'>;
const noData = '(本期无记录)';

function scorePerMiss(item: Extract<AssessmentItem, { kind: 'perMiss' }>, fact: Fact | undefined): Scored {
  const { count, evidence, known } = countOf(fact);
  const lost = count * item.deductPerMiss;
  const points = Math.max(0, item.max - lost);
  const floored = lost > item.max ? ',扣完为止' : '';
  const formula = `满分${fmt(item.max)},${metricLabel(item)}${count}次×${fmt(item.deductPerMiss)}=扣${fmt(lost)}${floored},得${fmt(points)}${known ? '' : noData}`;
  return { points: round2(points), formula, evidence, pending: false };
}

function scoreUncapped(item: Extract<AssessmentItem, { kind: 'uncapped' }>, fact: Fact | undefined): Scored {
  const { count, evidence, known } = countOf(fact);
  const lost = count * item.deductPerCase;
  const points = item.max - lost;
  const formula = `基础${fmt(item.max)},${metricLabel(item)}${count}例×${fmt(item.deductPerCase)}=扣${fmt(lost)}(不封顶),得${fmt(points)}${known ? '' : noData}`;
  return { points: round2(points), formula, evidence, pending: false };
}

function scoreRateSteps(item: Extract<AssessmentItem, { kind: 'rateSteps' }>, fact: Fact | undefined): Scored {
  const label = AUTOMATIC_METRICS[item.from.metric].label;
  if (fact && fact.kind !== 'rate') throw new DomainError('INVALID_INPUT', `${item.title}需要比率`);
  if (!fact || fact.denominator === 0) {
    const points = item.whenNoData === 'full' ? item.max : 0;
    return { points, formula: `${label}:本期无可计算的记录,按${item.whenNoData === 'full' ? '满分' : '0分'}计,得${fmt(points)}`, evidence: [], pending: false };
  }
  const { numerator: n, denominator: d } = fact;
  // Integer arithmetic: shortfall in "percent × denominator" units, so 85/100 against 90 % is exactly one step.
  const shortScaled = item.targetPercent * d - 100 * n;
  const stepScaled = item.stepPercent * d;
  const steps = shortScaled <= 0 ? 0 : item.stepCounting === 'complete' ? Math.floor(shortScaled / stepScaled) : Math.ceil(shortScaled / stepScaled);
  const lost = steps * item.deductPerStep;
  const points = Math.max(0, item.max - lost);
  const head = `${label} ${n}/${d}=${percentText(n, d)}`;
  const formula =
    shortScaled <= 0
      ? `${head},达到${item.targetPercent}%,得${fmt(item.max)}`
      : `${head},低于${item.targetPercent}%,每少${item.stepPercent}%扣${fmt(item.deductPerStep)},共${steps}档扣${fmt(lost)}${lost > item.max ? ',扣完为止' : ''},得${fmt(points)}`;
  return { points: round2(points), formula, evidence: fact.evidence, pending: false };
}

function scoreProportional(item: Extract<AssessmentItem, { kind: 'proportional' }>, fact: Fact | undefined): Scored {
  const label = AUTOMATIC_METRICS[item.from.metric].label;
  if (fact && fact.kind !== 'rate') throw new DomainError('INVALID_INPUT', `${item.title}需要比率`);
  if (!fact || fact.denominator === 0) {
    const points = item.whenNoData === 'full' ? item.max : 0;
    return { points, formula: `${label}:本期无可计算的记录,按${item.whenNoData === 'full' ? '满分' : '0分'}计,得${fmt(points)}`, evidence: [], pending: false };
  }
  const points = round2((item.max * fact.numerator) / fact.denominator);
  return { points, formula: `${label} ${fact.numerator}/${fact.denominator}=${percentText(fact.numerator, fact.denominator)},${fmt(item.max)}×比率=${fmt(points)}`, evidence: fact.evidence, pending: false };
}

function scorePerCount(item: Extract<AssessmentItem, { kind: 'perCount' }>, fact: Fact | undefined, unit: string): Scored {
  const { count, evidence, known } = countOf(fact);
  const raw = count * item.perUnit;
  const capped = item.cap === undefined ? raw : Math.sign(raw) * Math.min(Math.abs(raw), item.cap);
  const capText = capped !== raw ? `,上限${fmt(item.cap ?? 0)}${unit}` : '';
  const formula = `${metricLabel(item)}${count}次×${fmt(item.perUnit)}${unit}=${fmt(raw)}${unit}${capText}${known ? '' : noData}`;
  return { points: round2(capped), formula, evidence, pending: false };
}

function scoreThreshold(item: Extract<AssessmentItem, { kind: 'threshold' }>, fact: Fact | undefined, unit: string): Scored {
  const { count, evidence, known } = countOf(fact);
  const reached = count >= item.atLeast;
  const formula = `${metricLabel(item)}${count},${reached ? '达到' : '未达到'}${item.atLeast},得${reached ? fmt(item.award) : 0}${unit}${known ? '' : noData}`;
  return { points: reached ? item.award : 0, formula, evidence, pending: false };
}

function entryEvidence(entry: ManualEntry): EvidenceRef[] {
  return [{ kind: 'entry', id: entry.entryId, label: `${entry.byName}:${entry.reason}`.slice(0, 80) }];
}

function scoreManualLike(item: AssessmentItem, entry: ManualEntry | undefined, unit: string): Scored {
  if (!entry) return { points: 0, formula: '尚未评分,暂按0计', evidence: [], pending: true };
  const value = entry.value;
  const evidence = entryEvidence(entry);
  if (item.kind === 'manual' && value.kind === 'points')
    return { points: round2(value.points), formula: `评分${fmt(value.points)}${unit}(满分${fmt(item.max)}),理由:${entry.reason}`, evidence, pending: false };
  if (item.kind === 'listed' && value.kind === 'options') {
    const sign = item.direction === 'bonus' ? 1 : -1;
    const picked = value.optionIds.map((id) => item.options.find((o) => o.id === id)!);
    const raw = picked.reduce((s, o) => s + o.points, 0);
    const total = item.cap === undefined ? raw : Math.min(raw, item.cap);
    const parts = picked.map((o) => `${o.label}${fmt(o.points)}`).join('+') || '无';
    const capText = total !== raw ? `,上限${fmt(item.cap ?? 0)}` : '';
    return { points: round2(sign * total), formula: `${item.direction === 'bonus' ? '加' : '扣'}:${parts}${capText},理由:${entry.reason}`, evidence, pending: false };
  }
  if (item.kind === 'veto' && value.kind === 'veto')
    return { points: 0, formula: value.vetoed ? `一票否决,理由:${entry.reason}` : `未否决,理由:${entry.reason}`, evidence, pending: false };
  throw new DomainError('INVALID_INPUT', `${item.title}的评分方式不对`);
}

const ROLE_OF: Record<AssessmentItem['kind'], (item: AssessmentItem) => LineRole> = {
  perMiss: () => 'base',
  uncapped: () => 'base',
  rateSteps: () => 'base',
  proportional: () => 'base',
  threshold: () => 'base',
  manual: () => 'base',
  perCount: (item) => (item.kind === 'perCount' && item.perUnit < 0 ? 'penalty' : item.kind === 'perCount' && item.cap === undefined ? 'bonus' : 'base'),
  listed: (item) => (item.kind === 'listed' && item.direction === 'bonus' ? 'bonus' : 'penalty'),
  veto: () => 'veto',
};

/** For items counted from entries ({ enteredBy }), the latest entry becomes the count fact. */
function entryAsFact(entry: ManualEntry | undefined): Fact | undefined {
  if (!entry || entry.value.kind !== 'count') return undefined;
  return { kind: 'count', count: entry.value.count, evidence: entryEvidence(entry) };
}

function scoreItem(set: RuleSet, item: AssessmentItem, facts: Partial<Record<string, Fact>>, entry: ManualEntry | undefined): Scored {
  const fromEntries = 'from' in item && 'enteredBy' in item.from;
  const fact = fromEntries ? entryAsFact(entry) : facts[item.id];
  switch (item.kind) {
    case 'perMiss':
      return { ...scorePerMiss(item, fact), pending: fromEntries && !entry };
    case 'uncapped':
      return { ...scoreUncapped(item, fact), pending: fromEntries && !entry };
    case 'rateSteps':
      return scoreRateSteps(item, fact);
    case 'proportional':
      return scoreProportional(item, fact);
    case 'perCount':
      return { ...scorePerCount(item, fact, set.unit), pending: fromEntries && !entry };
    case 'threshold':
      return { ...scoreThreshold(item, fact, set.unit), pending: fromEntries && !entry };
    case 'manual':
    case 'listed':
    case 'veto':
      return scoreManualLike(item, entry, set.unit);
  }
}

export function scoreSheet(set: RuleSet, facts: Partial<Record<string, Fact>>, entries: readonly ManualEntry[]): Sheet {
  const latest = latestEntries(entries);
  const lines: SheetLine[] = set.items.map((item) => {
    const scored = scoreItem(set, item, facts, latest.get(item.id));
    return { itemId: item.id, title: item.title, kind: item.kind, role: ROLE_OF[item.kind](item), max: itemMax(item), source: item.source, ...scored };
  });
  const vetoed = set.items.some((item) => {
    const e = latest.get(item.id);
    return item.kind === 'veto' && e?.value.kind === 'veto' && e.value.vetoed;
  });
  const bonus = round2(lines.filter((l) => l.role === 'bonus').reduce((s, l) => s + l.points, 0));
  const total = round2(lines.reduce((s, l) => s + l.points, 0));
  return { ruleSetId: set.id, unit: set.unit, lines, max: ruleSetMax(set), bonus, total, vetoed, pendingItems: lines.filter((l) => l.pending).map((l) => l.itemId) };
}

/** Checks an assessor's value against the item before it is stored; errors name the field in Chinese. */
export function checkEntryValue(item: AssessmentItem, value: EntryValue): void {
  const wrong = (message: string, field = 'value'): never => {
    throw new DomainError('INVALID_INPUT', message, { [field]: message });
  };
  const expected: Record<AssessmentItem['kind'], EntryValue['kind'] | null> = {
    manual: 'points',
    listed: 'options',
    veto: 'veto',
    perMiss: 'count',
    uncapped: 'count',
    perCount: 'count',
    threshold: 'count',
    rateSteps: null,
    proportional: null,
  };
  const want = expected[item.kind];
  const entered = 'from' in item ? 'enteredBy' in item.from : true;
  if (!want || !entered) wrong(`「${item.title}」由系统根据数据自动计算,不能手工录入`, 'itemId');
  if (value.kind !== want) wrong(`「${item.title}」需要录入${{ points: '分数', count: '次数', options: '选项', veto: '是否否决' }[want!]}`);
  if (item.kind === 'manual' && value.kind === 'points') {
    if (value.points > item.max) wrong(`分数不能超过满分${fmt(item.max)}`, 'value.points');
    if (Math.abs(Math.round(value.points * 100) - value.points * 100) > 1e-9) wrong('分数最多两位小数', 'value.points');
  }
  if (item.kind === 'listed' && value.kind === 'options') {
    const unknown = value.optionIds.find((id) => !item.options.some((o) => o.id === id));
    if (unknown) wrong(`没有「${unknown}」这一项`, 'value.optionIds');
  }
}

/** Roles that may enter a value for an item (manual, listed, veto, or counts entered by assessors). */
export function rolesThatScore(item: AssessmentItem): readonly string[] {
  if ('scoredBy' in item) return item.scoredBy;
  if ('from' in item && 'enteredBy' in item.from) return item.from.enteredBy;
  return [];
}
