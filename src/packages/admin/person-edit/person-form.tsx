import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { SaveFooter } from '../../../components/submit-button';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import type { ActionOutput } from '../../../domain/api';
import { useVersionedSave } from '../shared/save-form';

type StaffPerson = ActionOutput<'org', 'listPeople'>['people'][number];

/** `org.savePerson`; the function's field errors (e.g. 电话) appear under their fields. */
export function PersonForm({ person }: { person?: StaffPerson }) {
  const [name, setName] = useState(person?.name ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [duties, setDuties] = useState(person?.duties ?? '');
  // Kept for the page's life: a retry or double tap re-sends the same id and creates one person.
  const [requestId] = useState(newRequestId);
  const { submit, saved, save: send } = useVersionedSave(person?.version ?? 0);

  const save = async () => {
    const fields = { name, phone: phone.trim(), duties, ...(title.trim() ? { title } : {}) };
    const result = await send((expectedVersion) =>
      person
        ? call('org', 'savePerson', { personId: person.personId, expectedVersion, ...fields })
        : call('org', 'savePerson', { requestId, ...fields }),
    );
    if (result && !person) Taro.redirectTo({ url: `/packages/admin/person-edit/index?personId=${result.id}` }).catch(() => undefined);
  };

  const f = submit.fields;
  return (
    <Section heading={person ? person.name : '新人员'}>
      <Field label='姓名' value={name} onChange={setName} error={f.name} maxLength={20} />
      <Field label='电话' kind='phone' value={phone} onChange={setPhone} error={f.phone} placeholder='11位手机号或座机' maxLength={20} />
      <Field label='职务（选填）' value={title} onChange={setTitle} error={f.title} placeholder='如 社区值班电话' maxLength={30} />
      <Field label='工作职责' kind='multiline' value={duties} onChange={setDuties} error={f.duties} />
      <SaveFooter submit={submit} saved={saved} onSave={() => void save()} savedTestId='person-saved' />
    </Section>
  );
}
