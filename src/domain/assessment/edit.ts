import type { RuleSet } from './rule-set';

/**
 * What a street changed in its copy of a table, in Chinese, for the change log beside the reason
 * (issue 16 item 4 "every change with a reason"). Compares item by item; order changes are not news.
 */
export function describeChanges(before: RuleSet, after: RuleSet): string[] {
  const out: string[] = [];
  const byId = (s: RuleSet) => new Map(s.items.map((i) => [i.id, i]));
  const [old, now] = [byId(before), byId(after)];
  for (const [id, item] of now) {
    const was = old.get(id);
    if (!was) out.push(`新增条目「${item.title}」`);
    else if (JSON.stringify(was) !== JSON.stringify(item)) out.push(`修改条目「${item.title}」:${fieldsChanged(was, item).join('、')}`);
  }
  for (const [id, item] of old) if (!now.has(id)) out.push(`删除条目「${item.title}」`);
  if (before.name !== after.name) out.push(`名称改为「${after.name}」`);
  if (JSON.stringify(before.grades) !== JSON.stringify(after.grades)) out.push('调整等级划分');
  if (JSON.stringify(before.payout) !== JSON.stringify(after.payout)) out.push('调整奖励档次');
  if (JSON.stringify(before.flags) !== JSON.stringify(after.flags)) out.push('调整连续考核处理');
  if (before.vetoGrade !== after.vetoGrade) out.push('调整一票否决等级');
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  title: '名称',
  max: '分值',
  deductPerMiss: '每次扣分',
  deductPerCase: '每例扣分',
  deductPerStep: '每档扣分',
  targetPercent: '达标比率',
  stepPercent: '每档比率',
  perUnit: '每次金额',
  cap: '上限',
  award: '奖励',
  atLeast: '达标数',
  options: '选项',
  scoredBy: '评分人',
  from: '数据来源',
  source: '依据',
};

function fieldsChanged(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]))
    .map((k) => FIELD_LABELS[k] ?? k);
}
