import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { ExcelExportStatus } from '../../../components/excel-export';
import { Section } from '../../../components/section';
import { LEDGER_KINDS, LEDGER_LABELS, LEDGER_LEVELS, type LedgerKind, type Period, type ScopeInput } from '../../../domain/stats';
import { call } from '../../../services/call';
import { useExcelExport } from '../../../services/use-excel-export';
import { useSubmit } from '../../../services/use-submit';

/** 台账 as Excel (issue 16 item 6), one button per ledger kept at the scope's level (LEDGER_LEVELS: no 会议台账 of a grid). */
export function LedgerSection({ scope, period }: { scope: ScopeInput; period: Period }) {
  const submit = useSubmit();
  const exporter = useExcelExport(submit);
  const make = (kind: LedgerKind) =>
    exporter.make(LEDGER_LABELS[kind], async () => {
      const file = await call('stats', 'exportLedger', { kind, scope, period });
      return { url: file.url, rows: file.rows };
    });
  return (
    <Section heading='导出台账（Excel）'>
      <View className='section__actions'>
        {LEDGER_KINDS.filter((k) => LEDGER_LEVELS[k].includes(scope.level)).map((k) => (
          <BigButton key={k} disabled={submit.busy} onClick={() => make(k)}>
            导出{LEDGER_LABELS[k]}
          </BigButton>
        ))}
      </View>
      <ExcelExportStatus exporter={exporter} submit={submit} />
    </Section>
  );
}
