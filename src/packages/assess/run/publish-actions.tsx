import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { ExcelExportStatus } from '../../../components/excel-export';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { useExcelExport } from '../../../services/use-excel-export';
import { useSubmit } from '../../../services/use-submit';
import { bulletinPath } from '../shared/links';

type Run = ActionOutput<'assess', 'run'>;

/** Publish (then frozen), correct with a reason, export the ranking, make a 通报 to share. */
export function PublishActions({ run, onChanged }: { run: Run; onChanged: () => void }) {
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const exporter = useExcelExport(submit);
  const published = run.publishedRevision !== null;

  const publish = () =>
    void submit.run(async () => {
      await call('assess', 'publish', { runId: run.runId, expectedVersion: run.version });
      onChanged();
    });
  const correct = () =>
    void submit.run(async () => {
      await call('assess', 'correct', { runId: run.runId, expectedVersion: run.version, reason });
      onChanged();
    });
  const exportRanking = () => exporter.make('排名表', () => call('assess', 'exportRanking', { runId: run.runId }));
  const bulletin = (kind: 'ranking' | 'red_black') =>
    void submit.run(async () => {
      const made = await call('assess', 'bulletin', { runId: run.runId, kind });
      await Taro.navigateTo({ url: `/${bulletinPath(made.bulletinId)}` });
    });

  return (
    <Section heading={published ? '公布与通报' : '公布结果'}>
      <View className='section__actions'>
        {run.canManage && run.state === 'open' && (
          <BigButton kind='primary' disabled={submit.busy} onClick={publish}>
            {run.revision > 1 ? '公布更正后的结果' : '公布考核结果'}
          </BigButton>
        )}
        {published && (
          <BigButton disabled={submit.busy} onClick={exportRanking}>
            导出排名 Excel
          </BigButton>
        )}
        {published && run.canManage && (
          <>
            <BigButton disabled={submit.busy} onClick={() => bulletin('ranking')}>
              生成月度排名通报
            </BigButton>
            <BigButton disabled={submit.busy} onClick={() => bulletin('red_black')}>
              生成红黑榜
            </BigButton>
          </>
        )}
      </View>
      <ExcelExportStatus exporter={exporter} submit={submit} showError={false} />
      {run.canManage && run.state === 'published' && (
        <>
          <View className='section__help'>已公布的结果不能修改;如需更正,写明理由后发起更正,原结果保留。</View>
          <Field label='更正理由' kind='multiline' value={reason} onChange={setReason} error={submit.fields.reason} />
          <BigButton disabled={submit.busy} onClick={correct}>
            发起更正
          </BigButton>
        </>
      )}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
    </Section>
  );
}
