import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CasePhotoUpload, type UploadedPhoto } from '../../../components/case-photo-upload';
import { Field } from '../../../components/field';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { HouseholdChoice, NO_REGISTER_CHANGE, noticedChangeOf, RegisterChangeControl } from '../../../components/register-change';
import { Section } from '../../../components/section';
import { CategoryPicker } from '../../../pages/report/category-picker';
import { findCategory } from '../../../domain/case/categories';
import { CASE_CLASS_LABELS } from '../../../domain/case/case-state';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import type { FindingMode } from '../../../services/worker-links';
import '../shared/worker.scss';

const TITLES: Record<FindingMode, string> = { case: '发现问题，上报', on_spot: '当场处置' };

/**
 * A problem found on a patrol (issue 14 item 1): filed as a case of the patrol's grid (its class comes
 * from the category), or 当场处置 — handled there with a photo before and after, closed at once. Opened
 * prefilled from the 八必报 sheet (category in the URL). One request id per form: a retry files once.
 */
export default function FindingPage() {
  const params = useRouter().params;
  const patrolId = params.patrolId ?? '';
  const [mode, setMode] = useState<FindingMode>(params.mode === 'on_spot' ? 'on_spot' : 'case');
  const [categoryId, setCategoryId] = useState(params.categoryId ? decodeURIComponent(params.categoryId) : '');
  const [description, setDescription] = useState(params.title ? `${decodeURIComponent(params.title)}：` : '');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [before, setBefore] = useState<UploadedPhoto[]>([]);
  const [change, setChange] = useState(NO_REGISTER_CHANGE);
  const [householdId, setHouseholdId] = useState('');
  const [requestId] = useState(newRequestId);
  const submit = useSubmit();
  const { state, reload } = useQuery(() => call('case', 'categories', {}));

  const send = async () => {
    const common = { patrolId, requestId, categoryId, description };
    const noticed = noticedChangeOf(change);
    // 户况有变动 on a 人口房屋变动 finding (e.g. 八必报 居民房屋出租): a draft for the grid's worker to confirm (issue 15 item 5).
    const register = noticed ? { register: { ...noticed, householdId } } : {};
    const done =
      mode === 'case'
        ? await submit.run(() => call('patrol', 'fileCase', { ...common, photos: photos.map((p) => p.fileId), ...register }))
        : await submit.run(() => call('patrol', 'handleOnSpot', { ...common, beforePhotos: before.map((p) => p.fileId), afterPhotos: photos.map((p) => p.fileId) }));
    if (!done) return;
    void Taro.showToast({ title: mode === 'case' ? '已上报' : '已记录当场处置', icon: 'success' });
    void Taro.navigateBack();
  };

  return (
    <PageShell title={TITLES[mode]}>
      <QueryView state={state} onRetry={reload}>
        {({ categories }) => {
          const category = categoryId ? findCategory(categories, categoryId) : undefined;
          return (
            <Section heading='问题'>
              <View className='section__actions'>
                <BigButton kind={mode === 'case' ? 'primary' : 'default'} onClick={() => setMode('case')}>
                  上报事件（交给网格处理）
                </BigButton>
                <BigButton kind={mode === 'on_spot' ? 'primary' : 'default'} onClick={() => setMode('on_spot')}>
                  当场处置（已经解决）
                </BigButton>
              </View>
              <CategoryPicker categories={categories} value={categoryId} onChange={setCategoryId} error={submit.fields.categoryId} />
              {category && mode === 'case' && (
                <View className='section__text'>
                  分类：{category.label} · {CASE_CLASS_LABELS[category.defaultClass]}
                </View>
              )}
              <Field label='问题描述' kind='multiline' value={description} onChange={setDescription} error={submit.fields.description} maxLength={500} />
              {mode === 'on_spot' && <CasePhotoUpload label='处置前照片' photos={before} onChange={setBefore} error={submit.fields.beforePhotos ?? submit.fields['beforePhotos.0']} />}
              <CasePhotoUpload
                label={mode === 'on_spot' ? '处置后照片' : '现场照片'}
                photos={photos}
                onChange={setPhotos}
                error={mode === 'on_spot' ? (submit.fields.afterPhotos ?? submit.fields['afterPhotos.0']) : submit.fields['photos.0']}
              />
              {mode === 'case' && (
                <RegisterChangeControl
                  value={change}
                  onChange={setChange}
                  errors={{ kind: submit.fields['register.kind'], subject: submit.fields['register.subject'] }}
                  help='只用于人口房屋变动类问题（如八必报的居民房屋出租、外来人员就业）：选择住户，上报后到“待确认的户况变动”确认登记'
                />
              )}
              {mode === 'case' && change.on && <HouseholdChoice value={householdId} onChange={setHouseholdId} error={submit.fields['register.householdId'] ?? submit.fields.householdId ?? submit.fields.register} />}
              {submit.message && (
                <View className='section__error' role='alert'>
                  {submit.message}
                </View>
              )}
              <BigButton kind='primary' disabled={submit.busy} onClick={() => void send()}>
                {submit.busy ? '正在提交…' : mode === 'case' ? '上报' : '记录当场处置'}
              </BigButton>
            </Section>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
