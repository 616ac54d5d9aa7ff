import type { LedgerEntryView } from './types';

export const LEDGER_KIND_LABELS: Record<LedgerEntryView['kind'], string> = {
  award: '获得积分',
  correction: '积分更正',
  redemption: '兑换礼品',
  redemption_refund: '兑换退回',
};

/** "+2 分" / "−3 分": the sign written out, so a deduction is never read as a gain. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points} 分` : `−${Math.abs(points)} 分`;
}

/** What the line is for, in words: the rule of an award, else the written reason. */
export function ledgerWhat(e: LedgerEntryView): string {
  if (e.kind === 'award') return e.ruleLabel ?? e.reason ?? '志愿服务';
  return e.reason ?? e.ruleLabel ?? '';
}
