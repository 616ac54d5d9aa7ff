import { BigButton } from '../../../../components/big-button';
import { ExcelExportStatus } from '../../../../components/excel-export';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { useExcelExport } from '../../../../services/use-excel-export';
import { useSubmit } from '../../../../services/use-submit';
import { quarterLabel } from '../shared/periods';

/** The quarter's summary as Excel. */
export function QuarterlyExport({ year, quarter }: { year: number; quarter: number }) {
  const submit = useSubmit();
  const exporter = useExcelExport(submit);
  const make = () => exporter.make(`${year}年${quarterLabel(quarter)}汇总`, () => call('volunteer', 'export', { kind: 'quarterly', year, quarter }));

  return (
    <Section heading='导出 Excel'>
      <BigButton disabled={submit.busy} onClick={make}>
        导出这个季度的 Excel
      </BigButton>
      <ExcelExportStatus exporter={exporter} submit={submit} />
    </Section>
  );
}
