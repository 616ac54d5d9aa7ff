import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import type { ActionOutput } from '../../../domain/api';
import { useSubmit } from '../../../services/use-submit';

type StaffPerson = ActionOutput<'org', 'listPeople'>['people'][number];

/** `org.savePerson`; the function's field errors (e.g. 电话) appear under their fields. */
export function PersonForm({ person }: { person?: StaffPerson }) {
  const [name, setName] = useState(person?.name ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [duties, setDuties] = useState(person?.duties ?? '');
  const [version, setVersion] = useState(person?.version ?? 0);
  // Kept for the page's life: a retry or double tap re-sends the same id and creates one person.
  const [requestId] = useState(newRequestId);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();

  const save = async () => {
    setSaved(false);
    const fields = { name, phone: phone.trim(), duties, ...(title.trim() ? { title } : {}) };
    const result = await submit.run(() =>
      person
        ? call('org', 'savePerson', { personId: person.personId, expectedVersion: version, ...fields })
        : call('org', 'savePerson', { requestId, ...fields }),
    );
    if (!result) return;
    setVersion(result.version);
    setSaved(true);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    if (!person) Taro.redirectTo({ url: `/packages/admin/person-edit/index?personId=${result.id}` }).catch(() => undefined);
  };

  const f = submit.fields;
  return (
    <Section heading={person ? person.name : '新人员'}>
      <Field label='姓名' value={name} onChange={setName} error={f.name} maxLength={20} />
      <Field label='电话' kind='phone' value={phone} onChange={setPhone} error={f.phone} placeholder='11位手机号或座机' maxLength={20} />
      <Field label='职务（选填）' value={title} onChange={setTitle} error={f.title} placeholder='如 社区值班电话' maxLength={30} />
      <Field label='工作职责' kind='multiline' value={duties} onChange={setDuties} error={f.duties} />
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(f).length > 0 ? '请按红字提示修改后再保存' : submit.message}
        </View>
      )}
      {saved && (
        <View className='admin-saved' role='status' data-testid='person-saved'>
          已保存
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存'}
      </BigButton>
    </Section>
  );
}
