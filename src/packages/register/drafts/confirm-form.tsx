import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { Field } from '../../../components/field';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import { APPLICATION_NEEDS, CHANGE_APPLICATION } from '../../../domain/register/confirm';
import { CHANGE_KIND_LABELS, CHANGE_KINDS, JOB_STATUS_LABELS, JOB_STATUSES, RELATION_LABELS, RELATIONS, SEX_LABELS, SEXES, type ChangeKind, type JobStatus, type Relation, type Sex } from '../../../domain/register/vocabulary';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { CareGroupToggles } from '../shared/care-group-toggles';

type Draft = ActionOutput<'register', 'drafts'>['items'][number];

/**
 * 确认登记 of one drafted change (issue 15 item 5): confirming applies it to the household, so the form
 * asks for what the draft lacks — the household (a resident's report names only an address), the kind
 * (a resident says what happened in words), the new person (迁入/新流入/出生/新租户), the person who left
 * or whose groups changed, the landlord, the groups. The function checks every field and names the wrong
 * one in Chinese; one request id for the form, so a double tap or a retry applies once.
 */
export function ConfirmForm({ draft, onDone, onCancel }: { draft: Draft; onDone: () => void; onCancel: () => void }) {
  const [requestId] = useState(newRequestId);
  const [kind, setKind] = useState<ChangeKind>(draft.kind);
  const [householdId, setHouseholdId] = useState(draft.householdId ?? '');
  const [residentId, setResidentId] = useState(draft.residentId ?? '');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [sex, setSex] = useState<Sex | undefined>(undefined);
  const [birthDate, setBirthDate] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<Relation | undefined>(undefined);
  const [job, setJob] = useState<JobStatus | undefined>(undefined);
  const [landlordName, setLandlordName] = useState('');
  const [flags, setFlags] = useState<string[] | undefined>(undefined);
  const submit = useSubmit();
  const f = submit.fields;
  const needs = APPLICATION_NEEDS[CHANGE_APPLICATION[kind].apply];
  // A draft naming its person (a visit's move-out of 王芳) needs no one picked; an arrival already on the list needs no new person.
  const needsPerson = needs.includes('person') && !draft.residentId && !(kind === 'new_tenant' && residentId);
  const needsMember = (needs.includes('residentId') || kind === 'new_tenant') && !draft.residentId;

  const confirm = async () => {
    const given = (v: string) => v.trim() !== '';
    const done = await submit.run(() =>
      call('register', 'confirmChange', {
        changeId: draft.changeId,
        expectedVersion: draft.version,
        requestId,
        ...(kind !== draft.kind ? { kind } : {}),
        ...(!draft.householdId && given(householdId) ? { householdId } : {}),
        ...(needsMember && given(residentId) ? { residentId } : {}),
        ...(needsPerson
          ? {
              name,
              ...(given(idNumber) ? { idNumber } : {}),
              ...(sex ? { sex } : {}),
              ...(given(birthDate) ? { birthDate } : {}),
              ...(given(phone) ? { phone } : {}),
              ...(relation && kind !== 'new_tenant' ? { relation } : {}),
              ...(job ? { job } : {}),
            }
          : {}),
        ...(needs.includes('landlordName') ? { landlordName } : {}),
        ...(needs.includes('flags') && flags ? { flags } : {}),
      }),
    );
    if (done) onDone();
  };

  return (
    <Section heading={`确认登记：${draft.summary}`}>
      <View className='section__text'>{`${draft.sourceLabel} · 发生于 ${draft.occurredOn}${draft.reportedAddress ? ` · 居民所填地址：${draft.reportedAddress}` : ''}`}</View>
      <CaseChoice label='变动类型' options={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k] }))} value={kind} onChange={setKind} error={f.kind} />
      <View className='section__text'>{CHANGE_APPLICATION[kind].reason}</View>
      {!draft.householdId && <HouseholdPicker gridId={draft.gridId} value={householdId} onChange={(id) => (setHouseholdId(id), setResidentId(''), setFlags(undefined))} error={f.householdId} />}
      {householdId !== '' && (needsMember || needs.includes('flags')) && (
        <MemberPicker
          householdId={householdId}
          kind={kind}
          residentId={residentId}
          onResident={setResidentId}
          pickMember={needsMember}
          error={f.residentId}
          flags={needs.includes('flags') ? flags : undefined}
          onFlags={setFlags}
          flagsError={f.flags}
        />
      )}
      {needsPerson && (
        <>
          <Field label={kind === 'new_tenant' ? '租户姓名' : '姓名'} value={name} onChange={setName} error={f.name} maxLength={20} />
          <Field label={kind === 'birth' ? '身份证号（新生儿可暂不填）' : '身份证号'} value={idNumber} onChange={setIdNumber} error={f.idNumber} placeholder='18位，加密保存' maxLength={20} />
          {kind === 'birth' && (
            <>
              <CaseChoice label='性别' options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))} value={sex} onChange={setSex} error={f.sex} />
              <Field label='出生日期' value={birthDate} onChange={setBirthDate} error={f.birthDate} placeholder='如 2026-11-20' maxLength={10} />
            </>
          )}
          <Field label='电话（选填）' kind='phone' value={phone} onChange={setPhone} error={f.phone} maxLength={20} />
          {kind !== 'new_tenant' && <CaseChoice label='与户主关系' options={RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }))} value={relation} onChange={setRelation} error={f.relation} />}
          <CaseChoice label='就业状况' options={JOB_STATUSES.map((j) => ({ value: j, label: JOB_STATUS_LABELS[j] }))} value={job} onChange={setJob} error={f.job} />
        </>
      )}
      {needs.includes('landlordName') && <Field label='房东姓名' value={landlordName} onChange={setLandlordName} error={f.landlordName} maxLength={20} />}
      {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
      <View className='section__actions'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void confirm()}>
          {submit.busy ? '正在登记…' : '确认并登记到户'}
        </BigButton>
        <BigButton disabled={submit.busy} onClick={onCancel}>返回列表</BigButton>
      </View>
    </Section>
  );
}

/** The grid's households, one big tile each (a resident's report names an address; the worker picks the household). */
function HouseholdPicker({ gridId, value, onChange, error }: { gridId: string; value: string; onChange: (id: string) => void; error?: string }) {
  const { state, reload } = useQuery(() => call('register', 'households', { gridId, limit: 100 }));
  return (
    <QueryView state={state} onRetry={reload}>
      {({ items }) =>
        items.length === 0 ? (
          <View className='section__text'>这个网格还没有登记住户，请先在户况登记中添加这一户。</View>
        ) : (
          <CaseChoice label='发生变动的住户' columns={1} options={items.map((h) => ({ value: h.householdId, label: `${h.address}${h.headName ? `（户主 ${h.headName}）` : ''}` }))} value={value || undefined} onChange={onChange} error={error} />
        )
      }
    </QueryView>
  );
}

const MEMBER_LABEL: Partial<Record<ChangeKind, string>> = { move_out: '迁出的人员', death: '去世的人员', flag_change: '特殊群体有变化的人员', new_tenant: '租户（已在本户登记的选此处，否则在下方填写）' };

/** The household's people (to name who left, whose groups changed, or a tenant already on the list) and the groups the caller may set. */
function MemberPicker(p: {
  householdId: string;
  kind: ChangeKind;
  residentId: string;
  onResident: (id: string) => void;
  pickMember: boolean;
  error?: string;
  flags: string[] | undefined;
  onFlags: (flags: string[]) => void;
  flagsError?: string;
}) {
  const { state, reload } = useQuery(() => call('register', 'household', { householdId: p.householdId }));
  return (
    <QueryView state={state} onRetry={reload}>
      {(v) => {
        const person = v.people.find((x) => x.residentId === p.residentId);
        const chosen = p.flags ?? person?.careFlags ?? [];
        return (
          <>
            {p.pickMember && (
              <CaseChoice
                label={MEMBER_LABEL[p.kind] ?? '涉及的人员'}
                columns={1}
                options={v.people.map((x) => ({ value: x.residentId, label: `${x.name}（${x.relationLabel}）` }))}
                value={p.residentId || undefined}
                onChange={p.onResident}
                error={p.error}
              />
            )}
            {p.flags !== undefined || p.kind === 'flag_change' ? (
              <View className='field'>
                <View className='field__label'>此人现在属于的特殊群体（都不属于则全部不选）</View>
                <CareGroupToggles groups={v.careGroups} chosen={chosen} onChange={p.onFlags} />
                {p.flagsError && <View className='field__error' role='alert'>{p.flagsError}</View>}
              </View>
            ) : null}
          </>
        );
      }}
    </QueryView>
  );
}
