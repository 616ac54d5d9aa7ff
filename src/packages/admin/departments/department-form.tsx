import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { SaveFooter } from '../../../components/submit-button';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useSubmit } from '../../../services/use-submit';
import { ChoiceRow } from '../shared/choice-row';
import { PersonPicker, type Person } from '../shared/person-picker';

export type Department = ActionOutput<'org', 'departments'>['departments'][number];

const STATE_LABELS = { on: '启用', off: '停用' } as const;
type StateKey = keyof typeof STATE_LABELS;

interface DepartmentFormProps {
  department?: Department;
  people: Person[];
  onSaved: () => void;
  onCancel?: () => void;
}

/** Adds a department or changes one (name, responsible person, members, 启用/停用); the admin only. */
export function DepartmentForm({ department, people, onSaved, onCancel }: DepartmentFormProps) {
  const [name, setName] = useState(department?.name ?? '');
  const [responsible, setResponsible] = useState<string | undefined>(department?.responsiblePersonId);
  const [members, setMembers] = useState<string[]>(department?.memberPersonIds ?? []);
  const [enabled, setEnabled] = useState<StateKey>(department?.enabled === false ? 'off' : 'on');
  // Kept for the form's life: a retry or double tap of 保存 creates one department.
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();
  const nameOf = (personId: string) => people.find((p) => p.personId === personId)?.name ?? department?.memberNames[department.memberPersonIds.indexOf(personId)] ?? '（未知）';

  const save = async () => {
    const common = { name, responsiblePersonId: responsible ?? '', memberPersonIds: members, enabled: enabled === 'on' };
    const result = await submit.run(() =>
      department
        ? call('org', 'saveDepartment', { departmentId: department.departmentId, expectedVersion: department.version, ...common })
        : call('org', 'saveDepartment', { requestId, ...common }),
    );
    if (!result) return;
    await Taro.showToast({ title: '已保存', icon: 'success' });
    onSaved();
  };

  const f = submit.fields;
  const responsibleName = responsible ? (department?.responsiblePersonId === responsible ? department.responsibleName : nameOf(responsible)) : '';
  return (
    <Section heading={department ? `修改${department.name}` : '新增职能部门'}>
      <Field label='部门名称' value={name} onChange={setName} error={f.name} placeholder='如 城管科' maxLength={40} />
      <View className='field'>
        <View className='field__label'>负责人</View>
        <PersonPicker label={responsible ? `${responsibleName}（点此更换）` : '选择负责人'} people={people} onPick={setResponsible} />
        {f.responsiblePersonId && (
          <View className='section__error' role='alert'>
            {f.responsiblePersonId}
          </View>
        )}
      </View>
      <View className='field'>
        <View className='field__label'>部门成员（不能为本部门评分）</View>
        {members.length === 0 && <View className='section__text'>还没有成员。</View>}
        {members.map((m) => (
          <BigButton key={m} onClick={() => setMembers((ms) => ms.filter((x) => x !== m))}>
            移除{nameOf(m)}
          </BigButton>
        ))}
        <PersonPicker label='添加成员' people={people.filter((p) => p.personId !== responsible && !members.includes(p.personId))} onPick={(p) => setMembers((ms) => [...ms, p])} />
        {f.memberPersonIds && (
          <View className='section__error' role='alert'>
            {f.memberPersonIds}
          </View>
        )}
      </View>
      <ChoiceRow label='状态' options={STATE_LABELS} value={enabled} onChange={setEnabled} disabled={submit.busy} />
      <SaveFooter submit={submit} onSave={() => void save()} />
      {onCancel && <BigButton onClick={onCancel}>取消修改</BigButton>}
    </Section>
  );
}
