import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { CasePhotoUpload, type UploadedPhoto } from '../../../components/case-photo-upload';
import { Field } from '../../../components/field';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { NO_REGISTER_CHANGE, noticedChangeOf, RegisterChangeControl } from '../../../components/register-change';
import { Section } from '../../../components/section';
import { PARTNER_KINDS, PARTNER_KIND_LABELS, SIX_MUST_GROUPS, SIX_MUST_GROUP_LABELS, VISIT_KINDS, VISIT_KIND_LABELS, type PartnerKind, type SixMustGroup, type VisitKind } from '../../../domain/worklog/visit';
import { call } from '../../../services/call';
import { sendOrQueue } from '../../../services/offline-queue';
import { newRequestId } from '../../../services/request-id';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import '../worklog-shared/worklog.scss';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

/** 记录走访: who was visited (a household of the register, or a building and door), what kind, notes, who went along. */
export default function NewVisitPage() {
  const { state, reload } = useQuery(() => call('worklog', 'visitTargets', {}));
  const [gridId, setGridId] = useState<string>();
  const [target, setTarget] = useState<string>();
  const [door, setDoor] = useState('');
  const [kind, setKind] = useState<VisitKind>('routine');
  const [group, setGroup] = useState<SixMustGroup>();
  const [partner, setPartner] = useState<PartnerKind>('none');
  const [partnerName, setPartnerName] = useState('');
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [change, setChange] = useState(NO_REGISTER_CHANGE);
  // One request id per filled form: a retried tap after a lost answer records the visit once.
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();

  return (
    <PageShell title='记录走访'>
      <QueryView state={state} onRetry={reload}>
        {({ grids }) => {
          const grid = grids.find((g) => g.gridId === gridId) ?? grids[0];
          if (!grid) return <View className='section__text'>您没有负责的网格。</View>;
          const targets = [
            ...grid.households.map((h) => ({ value: `household:${h.householdId}`, label: h.label })),
            ...grid.buildings.map((b) => ({ value: `building:${b.buildingId}`, label: b.name })),
          ];
          const send = async () => {
            const [targetKind, targetId] = (target ?? '').split(':');
            const noticed = noticedChangeOf(change);
            const data = {
              requestId,
              gridId: grid.gridId,
              kind,
              ...(kind === 'six_must' && group ? { group } : {}),
              ...(targetKind === 'household' ? { householdId: targetId } : targetKind === 'building' ? { buildingId: targetId } : {}),
              door,
              notes,
              photos: photos.map((p) => p.fileId),
              partner: partner === 'none' ? { kind: 'none' as const } : { kind: partner, name: partnerName },
              // A change noticed on the visit drafts a register change for the grid's worker to confirm (issue 15 item 5).
              ...(noticed ? { registerChange: noticed } : {}),
            };
            // In a stairwell with no signal the visit waits on the phone under the same request id (issue 14 item 7).
            const res = await submit.run(() => sendOrQueue('worklog', 'recordVisit', data, () => call('worklog', 'recordVisit', data)));
            if (!res) return;
            if (!('data' in res) && !res.queued) {
              await Taro.showModal({ title: '没有保存', content: res.message, showCancel: false });
              return;
            }
            await Taro.showToast('data' in res ? { title: '走访已记录', icon: 'success' } : { title: '网络不畅，走访已存在手机上，联网后自动上传', icon: 'none', duration: 3000 });
            Taro.navigateBack().catch(() => undefined);
          };
          return (
            <Section heading='走访情况'>
              {grids.length > 1 && <CaseChoice label='网格' options={grids.map((g) => ({ value: g.gridId, label: g.gridName }))} value={grid.gridId} onChange={setGridId} />}
              {targets.length === 0 ? (
                <View className='section__error'>这个网格还没有登记楼栋或住户，请先请社区登记。</View>
              ) : (
                <CaseChoice label='走访对象' options={targets} value={target} onChange={setTarget} error={submit.fields.buildingId ?? submit.fields.householdId} />
              )}
              <Field label='门牌（如 3单元502）' value={door} onChange={setDoor} error={submit.fields.door} maxLength={30} />
              <CaseChoice label='走访类型' options={options(VISIT_KINDS, VISIT_KIND_LABELS)} value={kind} onChange={setKind} error={submit.fields.kind} />
              {kind === 'six_must' && <CaseChoice label='六必访对象' options={options(SIX_MUST_GROUPS, SIX_MUST_GROUP_LABELS)} value={group} onChange={setGroup} error={submit.fields.group} />}
              <Field label='走访情况' kind='multiline' value={notes} onChange={setNotes} error={submit.fields.notes} maxLength={500} placeholder='了解到的情况、需要跟进的事' />
              <CasePhotoUpload label='走访照片' photos={photos} onChange={setPhotos} error={submit.fields.photos} />
              <CaseChoice label='同行人' options={options(PARTNER_KINDS, PARTNER_KIND_LABELS)} value={partner} onChange={setPartner} />
              {partner !== 'none' && <Field label='同行人姓名' value={partnerName} onChange={setPartnerName} error={submit.fields['partner.name']} maxLength={20} />}
              <RegisterChangeControl
                value={change}
                onChange={setChange}
                errors={{ kind: submit.fields['registerChange.kind'], subject: submit.fields['registerChange.subject'] }}
                help='走访中发现迁入迁出、新租户、出生死亡等：走访对象须选住户，保存后到“待确认的户况变动”确认登记'
              />
              {submit.message !== '' && (
                <View className='section__error' role='alert'>
                  {submit.message}
                </View>
              )}
              <BigButton kind='primary' disabled={submit.busy} onClick={() => void send()}>
                {submit.busy ? '正在保存…' : '保存走访'}
              </BigButton>
            </Section>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
