import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { ExcelExportStatus } from '../../../components/excel-export';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { pickExcel, type PickedExcel } from '../../../services/excel-picker';
import { useExcelExport } from '../../../services/use-excel-export';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';

/**
 * 户况 Excel (issue 15 item 6): download the template, import a grid's filled template (every row checked
 * first; the problems listed by row and column in Chinese, nothing written unless all is right), and
 * export by grid, building and care group for the roles the street allows (each export logged).
 */
export default function RegisterExcelPage() {
  const { state, reload } = useQuery(async () => {
    const [me, rules] = await Promise.all([call('user', 'me', {}), call('register', 'rules', {})]);
    const held = new Set(me.roles.map((g) => g.role));
    const gridIds = [...new Set(me.roles.filter((g) => g.role === 'grid_officer' || g.role === 'grid_chief').flatMap((g) => g.gridIds ?? []))];
    const grids = await Promise.all(gridIds.map(async (gridId) => ({ value: gridId, label: (await call('board', 'get', { gridId }).catch(() => null))?.grid.name ?? gridId })));
    const canExport = rules.rules.access.export.roles.some((r) => held.has(r));
    return { grids, choices: canExport ? await call('register', 'exportChoices', {}) : null };
  });
  return (
    <PageShell title='户况Excel导入导出'>
      <QueryView state={state} onRetry={reload}>
        {({ grids, choices }) => (
          <>
            <TemplateSection />
            {grids.length > 0 && <ImportSection grids={grids} />}
            {choices && <ExportSection choices={choices} />}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}

function TemplateSection() {
  const submit = useSubmit();
  const exporter = useExcelExport(submit);
  return (
    <Section heading='导入模板'>
      <View className='section__help'>每行一人；“户号”相同的人是同一户。填好后在下面导入。</View>
      <BigButton disabled={exporter.making} onClick={() => exporter.make('导入模板', async () => ({ ...(await call('register', 'importTemplate', {})), rows: 1 }))}>
        下载导入模板
      </BigButton>
      <ExcelExportStatus exporter={exporter} submit={submit} />
    </Section>
  );
}

function ImportSection({ grids }: { grids: Array<{ value: string; label: string }> }) {
  const [gridId, setGridId] = useState(grids[0].value);
  const [file, setFile] = useState<PickedExcel | null>(null);
  const [done, setDone] = useState<{ households: number; people: number } | null>(null);
  const submit = useSubmit();
  const choose = async () => {
    const picked = await pickExcel();
    if (picked) {
      setFile(picked);
      setDone(null);
    }
  };
  const upload = async () => {
    if (!file) return;
    const result = await submit.run(() => call('register', 'importHouseholds', { gridId, fileBase64: file.dataBase64 }));
    if (result) setDone(result);
  };
  const problems = Object.entries(submit.fields);
  return (
    <Section heading='导入户况'>
      {grids.length > 1 && <CaseChoice label='导入到网格' options={grids} value={gridId} onChange={setGridId} />}
      <BigButton onClick={() => void choose()}>{file ? `已选择：${file.name}（点此重新选择）` : '选择Excel文件'}</BigButton>
      <BigButton kind='primary' disabled={!file || submit.busy} onClick={() => void upload()}>
        {submit.busy ? '正在检查并导入…' : '开始导入'}
      </BigButton>
      {done && <View className='section__text' role='status'>{`导入完成：${done.households} 户、${done.people} 人。`}</View>}
      {submit.message !== '' && (
        <View className='section__error' role='alert' data-testid='import-problems'>
          <View>{problems.length ? `文件中有 ${problems.length} 处问题，已全部不导入，请改好后重新导入：` : submit.message}</View>
          {problems.map(([where, message]) => (
            <View key={where}>{`${where}：${message}`}</View>
          ))}
        </View>
      )}
    </Section>
  );
}

type ExportChoices = ActionOutput<'register', 'exportChoices'>;

/** 导出户况: all of the caller's scope, or one grid, one building of it, and/or one care group. */
function ExportSection({ choices }: { choices: ExportChoices }) {
  const [gridId, setGridId] = useState('');
  const [buildingId, setBuildingId] = useState('');
  const [group, setGroup] = useState('');
  const submit = useSubmit();
  const exporter = useExcelExport(submit);
  const grid = choices.grids.find((g) => g.gridId === gridId);
  const chooseGrid = (id: string) => {
    setGridId(id);
    setBuildingId('');
  };
  const filters = { ...(gridId ? { gridId } : {}), ...(buildingId ? { buildingId } : {}), ...(group ? { careGroup: group } : {}) };
  return (
    <Section heading='导出户况'>
      <View className='section__help'>导出您管辖范围内的住户，可按网格、楼栋和特殊群体选择；证件号和电话为脱敏号码。每次导出都会记录。</View>
      <CaseChoice label='网格' options={[{ value: '', label: '全部网格' }, ...choices.grids.map((g) => ({ value: g.gridId, label: g.name }))]} value={gridId} onChange={chooseGrid} />
      {grid && grid.buildings.length > 0 && (
        <CaseChoice label='楼栋' options={[{ value: '', label: '全部楼栋' }, ...grid.buildings.map((b) => ({ value: b.buildingId, label: b.name }))]} value={buildingId} onChange={setBuildingId} />
      )}
      <CaseChoice label='特殊群体' options={[{ value: '', label: '全部住户' }, ...choices.careGroups.map((g) => ({ value: g.id, label: g.label }))]} value={group} onChange={setGroup} />
      <BigButton kind='primary' disabled={exporter.making} onClick={() => exporter.make('户况表', () => call('register', 'exportHouseholds', filters))}>
        导出Excel
      </BigButton>
      <ExcelExportStatus exporter={exporter} submit={submit} />
    </Section>
  );
}
