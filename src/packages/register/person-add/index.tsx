import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { Field } from '../../../components/field';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { JOB_STATUS_LABELS, JOB_STATUSES, RELATION_LABELS, RELATIONS, type JobStatus, type Relation } from '../../../domain/register/vocabulary';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useSubmit } from '../../../services/use-submit';
import { chinaToday } from '../shared/links';

type Arrival = 'existing' | 'move_in' | 'new_arrival' | 'birth';
const ARRIVALS: ReadonlyArray<{ value: Arrival; label: string }> = [
  { value: 'existing', label: '原有住户' },
  { value: 'move_in', label: '迁入' },
  { value: 'new_arrival', label: '新流入人员' },
  { value: 'birth', label: '出生' },
];

/** 登记人员: a person of this household; the ID number is checked by the function and stored encrypted. */
export default function PersonAddPage() {
  const householdId = useRouter().params.householdId ?? '';
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<Relation>('head');
  const [job, setJob] = useState<JobStatus>('employed');
  const [arrival, setArrival] = useState<Arrival>('existing');
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();
  const save = async () => {
    const result = await submit.run(() =>
      call('register', 'savePerson', { requestId, householdId, name, ...(idNumber.trim() ? { idNumber } : {}), ...(phone.trim() ? { phone } : {}), relation, job, arrival, occurredOn: chinaToday() }),
    );
    if (!result) return;
    await Taro.showToast({ title: '已登记', icon: 'success' });
    void Taro.navigateBack();
  };
  const f = submit.fields;
  return (
    <PageShell title='登记人员'>
      <Section heading='基本信息'>
        <Field label='姓名' value={name} onChange={setName} error={f.name} maxLength={20} />
        <Field label='身份证号' value={idNumber} onChange={setIdNumber} error={f.idNumber} placeholder='18位，加密保存' maxLength={20} />
        <Field label='电话（选填）' kind='phone' value={phone} onChange={setPhone} error={f.phone} maxLength={20} />
        <CaseChoice label='与户主关系' options={RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }))} value={relation} onChange={setRelation} error={f.relation} />
        <CaseChoice label='就业状况' options={JOB_STATUSES.map((j) => ({ value: j, label: JOB_STATUS_LABELS[j] }))} value={job} onChange={setJob} error={f.job} />
        <CaseChoice label='登记原因' options={ARRIVALS} value={arrival} onChange={setArrival} error={f.arrival} />
        {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
          {submit.busy ? '正在保存…' : '保存'}
        </BigButton>
      </Section>
    </PageShell>
  );
}
