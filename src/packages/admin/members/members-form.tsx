import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import type { ActionOutput } from '../../../domain/api';
import { EMPLOYMENT_LABELS, GRID_MEMBER_ROLE_LABELS, type GridMember, type GridMemberRole } from '../../../domain/org/records';
import { ChoiceRow } from '../shared/choice-row';
import { PersonPicker, type Person } from '../shared/person-picker';
import { useSubmit } from '../../../services/use-submit';

type Detail = ActionOutput<'org', 'gridDetail'>;

interface MembersFormProps {
  detail: Detail;
  people: Person[];
}

export function MembersForm({ detail, people }: MembersFormProps) {
  const [members, setMembers] = useState<GridMember[]>(detail.members);
  const [version, setVersion] = useState(detail.version);
  const submit = useSubmit();
  const nameOf = (personId?: string) => people.find((p) => p.personId === personId)?.name ?? '（未知）';
  const update = (i: number, change: Partial<GridMember>) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...change } : m)));

  const save = async () => {
    const result = await submit.run(() => call('org', 'setGridMembers', { gridId: detail.gridId, expectedVersion: version, members }));
    if (!result) return;
    setVersion(result.version);
    await Taro.showToast({ title: '已保存', icon: 'success' });
  };

  return (
    <>
      <Section heading={`${detail.code} ${detail.name}`}>
        {members.length === 0 && <View className='section__text'>还没有安排人员。</View>}
        {members.map((m, i) => (
          <View key={`${m.personId}-${m.role}`} className='admin-row'>
            <View className='admin-row__title'>
              {nameOf(m.personId)} · {GRID_MEMBER_ROLE_LABELS[m.role]}
            </View>
            {m.role === 'grid_officer' && (
              <>
                <ChoiceRow label='用工方式' options={EMPLOYMENT_LABELS} value={m.employment} onChange={(employment) => update(i, { employment })} />
                <PersonPicker
                  label={m.coverPersonId ? `B岗：${nameOf(m.coverPersonId)}（点此更换）` : '选择B岗（其他网格的网格员）'}
                  people={people.filter((p) => p.personId !== m.personId)}
                  onPick={(coverPersonId) => update(i, { coverPersonId })}
                />
              </>
            )}
            <BigButton onClick={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>移除{nameOf(m.personId)}</BigButton>
          </View>
        ))}
      </Section>
      <AddMember people={people} onAdd={(m) => setMembers((ms) => [...ms, m])} />
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存人员安排'}
      </BigButton>
    </>
  );
}

function AddMember({ people, onAdd }: { people: Person[]; onAdd: (m: GridMember) => void }) {
  const [role, setRole] = useState<GridMemberRole>('grid_officer');
  return (
    <Section heading='添加人员'>
      <ChoiceRow label='角色' options={GRID_MEMBER_ROLE_LABELS} value={role} onChange={setRole} />
      <PersonPicker
        label={`选择人员，加为${GRID_MEMBER_ROLE_LABELS[role]}`}
        people={people}
        onPick={(personId) => onAdd({ personId, role, ...(role === 'grid_officer' ? { employment: 'full_time' as const } : {}) })}
      />
    </Section>
  );
}
