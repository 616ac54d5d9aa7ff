import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { CaseSwitch } from '../../components/case-choice';
import { CasePhotoUpload } from '../../components/case-photo-upload';
import { Field } from '../../components/field';
import { PageShell } from '../../components/page-shell';
import { PrivacyLine } from '../../components/privacy-notice';
import { HouseholdChoice, NO_REGISTER_CHANGE, RegisterChangeControl } from '../../components/register-change';
import { Section } from '../../components/section';
import { call } from '../../services/call';
import { useQuery } from '../../services/use-query';
import { useSubmit } from '../../services/use-submit';
import { CategoryPicker } from './category-picker';
import { LocationField } from './location-field';
import { notesRegisterChanges } from './register-note';
import { checkReport } from './report-check';
import { useReportDraft } from './report-draft';
import { ReportSent } from './report-sent';
import { useReportGrid } from './use-report-grid';
import './index.scss';

/**
 * 事件上报 (PRODUCT.md §4): from the board, four taps — 上报问题, the kind of problem, the exact one,
 * 提交上报 — plus the description (issue 8 item 2). Photo, place and phone are optional extras below.
 * The draft survives closing the app.
 */
export default function ReportPage() {
  const params = useRouter().params;
  const { draft, update, finish, startOver, restored } = useReportDraft(params.gridId ? decodeURIComponent(params.gridId) : null, params.categoryId ? decodeURIComponent(params.categoryId) : null);
  const { name: gridName, roles } = useReportGrid(draft.gridId, (gridId) => update({ gridId }));
  // A grid's worker (roles from user.me, the platform identity) may note 户况有变动 with the report (issue 15 item 5).
  const notesChanges = notesRegisterChanges(roles, draft.gridId);
  const change = draft.change ?? NO_REGISTER_CHANGE;
  const categories = useQuery(() => call('case', 'categories', draft.gridId ? { gridId: draft.gridId } : {}));
  const submit = useSubmit();
  const [localFields, setLocalFields] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<{ caseId: string; drafted: boolean } | null>(null);

  if (sent) return <ReportSent caseId={sent.caseId} drafted={sent.drafted} onAnother={() => { setSent(null); startOver(draft.gridId); }} />;

  const tree = categories.state.status === 'ready' ? categories.state.data.categories : [];
  const fields = { ...submit.fields, ...localFields };
  const fieldOf = (name: string) => fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
  // An error goes away as soon as its field is changed, not at the next submit (issue 8 item 8).
  const edit = (patch: Parameters<typeof update>[0]) => {
    update(patch);
    // The note's parts answer under register.* (and a household of another grid under householdId).
    const touched = Object.keys(patch).flatMap((k) => (k === 'lat' || k === 'lng' || k === 'address' ? ['location'] : k === 'change' || k === 'householdId' ? ['register', 'householdId'] : [k]));
    setLocalFields((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !touched.some((t) => k === t || k.startsWith(`${t}.`)))));
  };

  const send = async () => {
    if (submit.busy) return;
    const checked = checkReport(draft, tree, notesChanges);
    if ('fields' in checked) {
      setLocalFields(checked.fields);
      return;
    }
    setLocalFields({});
    const res = await submit.run(() => call('case', 'report', checked.input));
    if (!res) return;
    finish();
    setSent({ caseId: res.caseId, drafted: checked.input.register !== undefined });
  };

  return (
    <PageShell title='我要上报'>
      {restored && <View className='section__help report__restored'>已为您恢复上次没提交的内容。</View>}
      <View className='section__text report__grid'>
        上报到：{gridName ?? (draft.gridId ? '正在查询网格…' : '还不知道您在哪个网格')}
      </View>
      {fieldOf('gridId') && (
        <View className='field__error' role='alert'>
          {fieldOf('gridId')}
        </View>
      )}
      <Section heading='什么问题'>
        {categories.state.status === 'loading' && <View className='section__text'>正在加载问题类别…</View>}
        {categories.state.status === 'failed' && (
          <View className='section__error' role='alert'>
            {categories.state.error.message}
          </View>
        )}
        {tree.length > 0 && <CategoryPicker categories={tree} value={draft.categoryId} onChange={(categoryId) => edit({ categoryId })} error={fieldOf('categoryId')} />}
        <Field label='问题描述' kind='multiline' value={draft.description} onChange={(description) => edit({ description })} maxLength={500} placeholder='请说明发生了什么、影响到谁' error={fieldOf('description')} />
        <View className='section__help report__counter'>已写 {draft.description.length} / 500 字</View>
        <CaseSwitch
          label='有危险 / 很紧急'
          checked={draft.urgent === true}
          onChange={(urgent) => edit({ urgent })}
          help='打开后会马上通知社区和街道，网格员到场后再确认。有人身危险请先拨打 110 或 119。'
        />
      </Section>
      {notesChanges && (
        <Section heading='户况（网格员填写）'>
          <RegisterChangeControl
            value={change}
            onChange={(next) => edit({ change: next })}
            errors={{ kind: fieldOf('register.kind'), subject: fieldOf('register.subject') }}
            help='只用于人口房屋变动类问题（如有人迁入迁出、房屋出租）：选择住户，提交后到“待确认的户况变动”确认登记'
          />
          {change.on && <HouseholdChoice key={draft.gridId} gridId={draft.gridId} value={draft.householdId ?? ''} onChange={(householdId) => edit({ householdId })} error={fieldOf('register.householdId') ?? fields.householdId ?? fields.register} />}
        </Section>
      )}
      <Section heading='照片和位置（可不填）'>
        <CasePhotoUpload label='现场照片' photos={draft.photos} onChange={(photos) => edit({ photos })} error={fieldOf('photos')} />
        <LocationField address={draft.address} located={draft.lat !== undefined} onChange={edit} error={fieldOf('location')} />
      </Section>
      <Section heading='联系方式（可不填）'>
        <Field label='联系电话' kind='phone' value={draft.phone} onChange={(phone) => edit({ phone })} maxLength={13} error={fieldOf('phone')} />
        <CaseSwitch label='匿名上报' checked={draft.anonymous} onChange={(anonymous) => edit({ anonymous })} help='打开后，其他居民看不到您的姓名；网格员和社区、街道工作人员仍能看到，方便联系您。' />
      </Section>
      {submit.message && (
        <View className='section__error' role='alert'>
          {Object.keys(submit.fields).length > 0 ? '请按红字提示修改后再提交' : submit.message}
        </View>
      )}
      {Object.keys(localFields).length > 0 && (
        <View className='section__error' role='alert'>
          还有内容没填好，请看红字提示。
        </View>
      )}
      <PrivacyLine />
      <View className='report__submit'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void send()}>
          {submit.busy ? '正在提交…' : '提交上报'}
        </BigButton>
      </View>
    </PageShell>
  );
}
