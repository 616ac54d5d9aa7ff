import { View } from '@tarojs/components';
import { BigButton } from '../../../../components/big-button';
import { ExcelExportStatus } from '../../../../components/excel-export';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import type { ActionInput } from '../../../../domain/api';
import { useExcelExport } from '../../../../services/use-excel-export';
import { useSubmit } from '../../../../services/use-submit';
import { chinaYearNow } from '../../shared/china-time-text';
import { recentMonths } from '../../shared/months';

type ExportInput = ActionInput<'volunteer', 'export'>;

/** Excel exports (台账, 公示) of one community. */
export function ExportSection({ communityId }: { communityId: string }) {
  const submit = useSubmit();
  const exporter = useExcelExport(submit);
  const year = chinaYearNow();
  const month = recentMonths(1)[0];
  const make = (label: string, input: ExportInput) => exporter.make(label, () => call('volunteer', 'export', input));

  return (
    <Section heading='导出 Excel'>
      <View className='section__actions'>
        <BigButton disabled={submit.busy} onClick={() => make(`${year}年积分台账`, { kind: 'ledger', communityId, year })}>
          导出{year}年积分台账
        </BigButton>
        <BigButton disabled={submit.busy} onClick={() => make(`${month.label}积分公示`, { kind: 'publication', communityId, month: month.value })}>
          导出{month.label}积分公示
        </BigButton>
      </View>
      <ExcelExportStatus exporter={exporter} submit={submit} />
    </Section>
  );
}
