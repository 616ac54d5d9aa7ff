import type { LedgerLine } from '../../../components/volunteer-ledger-list';
import { dateTimeText } from './china-time-text';
import { LEDGER_KIND_LABELS, ledgerWhat, signedPoints } from './ledger-text';
import type { LedgerEntryView } from './types';

/** Ledger entries as list lines, newest first. */
export function ledgerLines(entries: readonly LedgerEntryView[]): Omit<LedgerLine, 'action'>[] {
  return [...entries]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((e) => ({
      key: e.entryId,
      kindLabel: LEDGER_KIND_LABELS[e.kind],
      pointsText: signedPoints(e.points),
      gain: e.points > 0,
      what: ledgerWhat(e),
      meta: `${dateTimeText(e.at)} · 记分人：${e.byName}`,
      note: e.correctedBy ? '这条积分已被更正，见更正记录' : undefined,
    }));
}
