import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { chinaToday } from '../shared/links';
import { EndTenancy } from './end-tenancy';

type HouseholdView = ActionOutput<'register', 'household'>;

/**
 * 租房登记 (issue 15 item 1, 000 L34): who rents here from which landlord since when, the monthly
 * meeting with the renters (记录本月见面), 登记退租 when they leave, and the tenancies that ended. The
 * tenants are people already registered in this household.
 */
export default function TenancyPage() {
  const householdId = useRouter().params.householdId ?? '';
  const { state, reload } = useQuery(() => call('register', 'household', { householdId }));
  return (
    <PageShell title='租房登记'>
      <QueryView state={state} onRetry={reload}>
        {(v) => (
          <>
            <Section heading={v.household.address}>
              {v.tenancies.length === 0 && <View className='section__text'>{v.pastTenancies.length ? '目前没有在租的租房登记。' : '还没有租房登记。'}</View>}
            </Section>
            {v.tenancies.map((t) => (
              <RenterContact key={t.tenancyId} tenancy={t} onDone={reload} />
            ))}
            <NewTenancy householdId={householdId} people={v.people} onDone={reload} />
            {v.pastTenancies.length > 0 && (
              <Section heading='已退租'>
                {v.pastTenancies.map((t) => (
                  <View key={t.tenancyId} className='section__text'>{`房东${t.landlordName} · 租户 ${t.tenantNames.join('、')} · ${t.moveInOn} 入住 · ${t.moveOutOn} 退租`}</View>
                ))}
              </Section>
            )}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}

function RenterContact({ tenancy: t, onDone }: { tenancy: HouseholdView['tenancies'][number]; onDone: () => void }) {
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const record = async () => {
    const done = await submit.run(() => call('register', 'recordRenterContact', { tenancyId: t.tenancyId, expectedVersion: t.version, on: chinaToday(), note }));
    if (done) onDone();
  };
  return (
    <Section heading={`房东${t.landlordName}`}>
      <View className='section__text'>{`租户：${t.tenantNames.join('、')}`}</View>
      <View className='section__text'>{`入住日期 ${t.moveInOn} · 上次见面 ${t.lastContactOn} · 下次见面期限 ${t.contactDueAt.slice(0, 10)}`}</View>
      <Field label='见面情况' value={note} onChange={setNote} error={submit.fields.note} placeholder='如 上门见面，情况正常' maxLength={200} />
      {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void record()}>
        {`记录今天见面（房东${t.landlordName}）`}
      </BigButton>
      <EndTenancy tenancyId={t.tenancyId} version={t.version} landlordName={t.landlordName} moveInOn={t.moveInOn} onDone={onDone} />
    </Section>
  );
}

function NewTenancy({ householdId, people, onDone }: { householdId: string; people: HouseholdView['people']; onDone: () => void }) {
  const [landlordName, setLandlord] = useState('');
  const [landlordPhone, setPhone] = useState('');
  const [moveInOn, setMoveIn] = useState(chinaToday());
  const [tenants, setTenants] = useState<string[]>([]);
  const [requestId, setRequestId] = useState(newRequestId);
  const submit = useSubmit();
  const toggle = (id: string) => setTenants((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));
  const save = async () => {
    const done = await submit.run(() =>
      call('register', 'saveTenancy', { requestId, householdId, landlordName, ...(landlordPhone ? { landlordPhone } : {}), tenantResidentIds: tenants, moveInOn }),
    );
    if (done) {
      setRequestId(newRequestId());
      setTenants([]);
      onDone();
    }
  };
  const f = submit.fields;
  return (
    <Section heading='新增租房登记'>
      <Field label='房东姓名' value={landlordName} onChange={setLandlord} error={f.landlordName} maxLength={20} />
      <Field label='房东电话' kind='phone' value={landlordPhone} onChange={setPhone} error={f.landlordPhone} placeholder='选填' maxLength={20} />
      <Field label='入住日期' value={moveInOn} onChange={setMoveIn} error={f.moveInOn} placeholder='年-月-日，如 2026-11-01' maxLength={10} />
      <View className='section__text'>租户（点选本户已登记的人员）</View>
      {people.length === 0 && <View className='section__help'>请先在本户“登记人员”中登记租户。</View>}
      <View className='section__actions'>
        {people.map((p) => (
          <BigButton key={p.residentId} kind={tenants.includes(p.residentId) ? 'primary' : 'default'} onClick={() => toggle(p.residentId)}>
            {`${tenants.includes(p.residentId) ? '已选 ' : ''}${p.name}（${p.relationLabel}）`}
          </BigButton>
        ))}
      </View>
      {f.tenantResidentIds && <View className='section__error' role='alert'>{f.tenantResidentIds}</View>}
      {submit.message !== '' && <View className='section__error' role='alert'>{Object.keys(f).length ? '请按红字提示修改后再保存' : submit.message}</View>}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存租房登记'}
      </BigButton>
    </Section>
  );
}
