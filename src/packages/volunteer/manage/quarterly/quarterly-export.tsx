import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import { useSubmit } from '../../../../services/use-submit';
import { quarterLabel } from '../shared/periods';

/** The quarter's summary as Excel: weapp opens it in WeChat's viewer; H5 gives a download link. */
export function QuarterlyExport({ year, quarter }: { year: number; quarter: number }) {
  const submit = useSubmit();
  const [link, setLink] = useState<{ url: string; rows: number } | null>(null);
  const label = `${year}年${quarterLabel(quarter)}汇总`;

  const make = () =>
    void submit.run(async () => {
      setLink(null);
      const file = await call('volunteer', 'export', { kind: 'quarterly', year, quarter });
      setLink({ url: file.url, rows: file.rows });
      if (process.env.TARO_ENV !== 'h5') {
        const local = await Taro.downloadFile({ url: file.url });
        await Taro.openDocument({ filePath: local.tempFilePath, fileType: 'xlsx', showMenu: true });
      }
      return file;
    });

  return (
    <Section heading='导出 Excel'>
      <BigButton disabled={submit.busy} onClick={make}>
        导出这个季度的 Excel
      </BigButton>
      {submit.busy && (
        <View className='section__text' role='status'>
          正在生成表格…
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && link && (
        <a className='vol-link' href={link.url} target='_blank' rel='noreferrer' data-testid='export-link'>
          {label}已生成（{link.rows} 行），点这里下载
        </a>
      )}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
    </Section>
  );
}
