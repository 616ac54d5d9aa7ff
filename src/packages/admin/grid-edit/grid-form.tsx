import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { GRID_TYPE_LABELS, type GridType } from '../../../domain/org/grid-code';
import { ChoiceRow } from '../shared/choice-row';
import { useSubmit } from '../../../services/use-submit';
import type { TreeGrid } from '../shared/find-grid';

interface GridFormProps {
  grid?: TreeGrid;
  communityId: string;
  /** false: the caller may only change households, population and boundary. */
  fullEdit: boolean;
}

const toInt = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export function GridForm({ grid, communityId, fullEdit }: GridFormProps) {
  const [code, setCode] = useState(grid?.code ?? '');
  const [name, setName] = useState(grid?.name ?? '');
  const [type, setType] = useState<GridType>(grid?.type ?? 'ordinary');
  const [households, setHouseholds] = useState(String(grid?.households ?? ''));
  const [population, setPopulation] = useState(String(grid?.population ?? ''));
  const [boundary, setBoundary] = useState(grid?.boundary ?? '');
  // Kept for the page's life: a retry or double tap of 保存 re-sends the same id and creates one grid.
  const [requestId] = useState(newRequestId);
  const [version, setVersion] = useState(grid?.version ?? 0);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();

  const save = async () => {
    setSaved(false);
    const counts = { households: toInt(households), population: toInt(population), boundary };
    const result = await submit.run(() => {
      if (grid && !fullEdit) return call('org', 'updateGridInfo', { gridId: grid.gridId, expectedVersion: version, ...counts });
      const common = { communityId, code, name, type, enabled: grid?.enabled ?? true, ...counts };
      return grid
        ? call('org', 'saveGrid', { gridId: grid.gridId, expectedVersion: version, ...common })
        : call('org', 'saveGrid', { requestId, ...common });
    });
    if (!result) return;
    setVersion(result.version);
    setSaved(true);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    if (!grid) Taro.navigateBack().catch(() => undefined);
  };

  const f = submit.fields;
  return (
    <Section heading={grid ? `${grid.code} ${grid.name}` : '新网格'}>
      {fullEdit && (
        <>
          <Field label='网格编号' value={code} onChange={setCode} error={f.code} placeholder='如 A1 或 001101' maxLength={12} />
          <Field label='网格名称' value={name} onChange={setName} error={f.name} maxLength={40} />
          <ChoiceRow label='网格类型' options={GRID_TYPE_LABELS} value={type} onChange={setType} disabled={submit.busy} />
        </>
      )}
      <Field label='户数' kind='number' value={households} onChange={setHouseholds} error={f.households} maxLength={6} />
      <Field label='人口' kind='number' value={population} onChange={setPopulation} error={f.population} maxLength={6} />
      <Field label='四至范围' kind='multiline' value={boundary} onChange={setBoundary} error={f.boundary} placeholder='东至…南至…西至…北至…' />
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(f).length > 0 ? '请按红字提示修改后再保存' : submit.message}
        </View>
      )}
      {saved && (
        <View className='admin-saved' role='status'>
          已保存
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存'}
      </BigButton>
    </Section>
  );
}
