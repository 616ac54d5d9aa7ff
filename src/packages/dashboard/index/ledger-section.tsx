import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { LEDGER_KINDS, LEDGER_LABELS, type LedgerKind, type Period, type ScopeInput } from '../../../domain/stats';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';

/** 台账 as Excel (issue 16 item 6): weapp opens the file in WeChat's viewer; H5 gives a download link. */
export function LedgerSection({ scope, period }: { scope: ScopeInput; period: Period }) {
  const submit = useSubmit();
  const [link, setLink] = useState<{ name: string; url: string; rows: number } | null>(null);
  const make = (kind: LedgerKind) =>
    void submit.run(async () => {
      setLink(null);
      const file = await call('stats', 'exportLedger', { kind, scope, period });
      setLink({ name: file.name, url: file.url, rows: file.rows });
      if (process.env.TARO_ENV !== 'h5') {
        const local = await Taro.downloadFile({ url: file.url });
        await Taro.openDocument({ filePath: local.tempFilePath, fileType: 'xlsx', showMenu: true });
      }
      return file;
    });
  return (
    <Section heading='导出台账（Excel）'>
      <View className='section__actions'>
        {LEDGER_KINDS.map((k) => (
          <BigButton key={k} disabled={submit.busy} onClick={() => make(k)}>
            导出{LEDGER_LABELS[k]}
          </BigButton>
        ))}
      </View>
      {submit.busy && (
        <View className='section__text' role='status'>
          正在生成表格…
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && link && (
        <a className='dash-link' href={link.url} target='_blank' rel='noreferrer' data-testid='ledger-link'>
          {link.name}已生成（{link.rows} 条），点这里下载
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
