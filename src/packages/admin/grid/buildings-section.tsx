import { useCallback, useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { call, isCallError } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import type { ActionOutput } from '../../../domain/api';
import { ChoiceRow } from '../shared/choice-row';
import { useSubmit } from '../../../services/use-submit';

type Building = ActionOutput<'org', 'gridDetail'>['buildings'][number];
type Kind = Building['kind'];

const KIND_LABELS: Record<Kind, string> = { building: '楼栋', unit: '单元' };

/**
 * The grid's buildings (`org.gridDetail`) and a form to add one (`org.saveBuilding`).
 * Shown to those who manage the grid's community; 楼栋长/单元长 are then assigned to these in 安排网格人员.
 */
export function BuildingsSection({ gridId }: { gridId: string }) {
  const [buildings, setBuildings] = useState<Building[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('building');
  // Kept until a building is added: a retry or double tap re-sends it and adds one building; the next add gets a new one.
  const [requestId, setRequestId] = useState(newRequestId);
  const [added, setAdded] = useState('');
  const submit = useSubmit();

  const load = useCallback(() => {
    setLoadError('');
    call('org', 'gridDetail', { gridId })
      .then((d) => setBuildings(d.buildings))
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setLoadError(e.message);
      });
  }, [gridId]);
  useEffect(load, [load]);

  // No toast here: the page stays, and the status line under the form says what was added.
  const add = async () => {
    setAdded('');
    const result = await submit.run(() => call('org', 'saveBuilding', { requestId, gridId, name, kind }));
    if (!result) return;
    setAdded(name.trim());
    setName('');
    setRequestId(newRequestId());
    load();
  };

  const f = submit.fields;
  return (
    <Section heading='楼栋与单元'>
      {loadError !== '' ? (
        <>
          <View className='section__error' role='alert'>
            {loadError}
          </View>
          <BigButton onClick={load}>重新加载</BigButton>
        </>
      ) : buildings === null ? (
        <View className='section__text' role='status'>
          正在加载…
        </View>
      ) : buildings.length === 0 ? (
        <View className='section__text'>还没有楼栋。</View>
      ) : (
        <View role='list' aria-label='本网格的楼栋与单元'>
          {buildings.map((b) => (
            <View key={b.buildingId} className='admin-row' role='listitem'>
              <View className='admin-row__title'>{b.name}</View>
              <View className='admin-row__meta'>{KIND_LABELS[b.kind]}</View>
            </View>
          ))}
        </View>
      )}
      <View className='section__help'>添加后，可在“安排网格人员”里为它指定楼栋长或单元长。</View>
      <Field label='楼栋名称' value={name} onChange={setName} error={f.name} placeholder='如 5栋 或 5栋2单元' maxLength={30} />
      <ChoiceRow label='类型' options={KIND_LABELS} value={kind} onChange={setKind} disabled={submit.busy} />
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(f).length > 0 ? '请按红字提示修改后再添加' : submit.message}
        </View>
      )}
      {added !== '' && (
        <View className='admin-saved' role='status'>
          已添加 {added}
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void add()}>
        {submit.busy ? '正在添加…' : '添加楼栋'}
      </BigButton>
    </Section>
  );
}
