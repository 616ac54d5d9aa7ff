import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { SaveFooter } from '../../../components/submit-button';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { GRID_TYPE_LABELS, type GridType } from '../../../domain/org/grid-code';
import { ChoiceRow } from '../shared/choice-row';
import { useVersionedSave } from '../shared/save-form';
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
  const { submit, saved, save: send } = useVersionedSave(grid?.version ?? 0);

  const save = async () => {
    const counts = { households: toInt(households), population: toInt(population), boundary };
    const result = await send((expectedVersion) => {
      if (grid && !fullEdit) return call('org', 'updateGridInfo', { gridId: grid.gridId, expectedVersion, ...counts });
      const common = { communityId, code, name, type, enabled: grid?.enabled ?? true, ...counts };
      return grid
        ? call('org', 'saveGrid', { gridId: grid.gridId, expectedVersion, ...common })
        : call('org', 'saveGrid', { requestId, ...common });
    });
    if (result && !grid) Taro.navigateBack().catch(() => undefined);
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
      <SaveFooter submit={submit} saved={saved} onSave={() => void save()} />
    </Section>
  );
}
