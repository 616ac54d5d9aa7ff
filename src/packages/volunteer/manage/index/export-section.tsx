import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { Section } from '../../../../components/section';
import { call } from '../../../../services/call';
import type { ActionInput } from '../../../../domain/api';
import { useSubmit } from '../../../../services/use-submit';
import { chinaYearNow } from '../../shared/china-time-text';
import { recentMonths } from '../../shared/months';

type ExportInput = ActionInput<'volunteer', 'export'>;

/** Excel exports (台账, 公示): weapp opens the file in WeChat's viewer; H5 gives a download link. */
export function ExportSection({ communityId }: { communityId: string }) {
  const submit = useSubmit();
  const [link, setLink] = useState<{ label: string; url: string; rows: number } | null>(null);
  const year = chinaYearNow();
  const month = recentMonths(1)[0];

  const make = (label: string, input: ExportInput) =>
    void submit.run(async () => {
      setLink(null);
      const file = await call('volunteer', 'export', input);
      setLink({ label, url: file.url, rows: file.rows });
      if (process.env.TARO_ENV !== 'h5') {
        const local = await Taro.downloadFile({ url: file.url });
        await Taro.openDocument({ filePath: local.tempFilePath, fileType: 'xlsx', showMenu: true });
      }
      return file;
    });

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
      {submit.busy && (
        <View className='section__text' role='status'>
          正在生成表格…
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && link && (
        <a className='vol-link' href={link.url} target='_blank' rel='noreferrer' data-testid='export-link'>
          {link.label}已生成（{link.rows} 行），点这里下载
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
