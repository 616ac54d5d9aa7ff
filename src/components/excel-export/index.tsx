import { View } from '@tarojs/components';
import type { ExcelExport } from '../../services/use-excel-export';
import type { Submit } from '../../services/use-submit';
import './index.scss';

/**
 * Under the export buttons: 正在生成表格 while the workbook is made, then (H5 only; weapp has opened it
 * already) a large link to download it, and the error if making it failed.
 */
export function ExcelExportStatus({ exporter, submit, showError = true }: { exporter: ExcelExport; submit: Submit; showError?: boolean }) {
  const { link, making } = exporter;
  return (
    <>
      {making && (
        <View className='section__text' role='status'>
          正在生成表格…
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && link && (
        <a className='excel-link' href={link.url} target='_blank' rel='noreferrer' data-testid='export-link'>
          {link.label}已生成（{link.rows} 行），点这里下载
        </a>
      )}
      {showError && submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
    </>
  );
}
