import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import type { CaseDetail } from '../../../domain/case/api';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';

/** The 治安线索 category of PRODUCT.md §4 (涉黑涉恶、刑事案件、电信诈骗、违法建筑 leads). */
const LEAD_CATEGORY_ID = 'public_order';
const LEAD_CATEGORY_LABEL = '治安线索';

/** 治安线索 itself, or one of its children (a case keeps the label `治安线索/…` it was reported under). */
export function isLeadCase(detail: Pick<CaseDetail, 'categoryId' | 'categoryLabel'>): boolean {
  return detail.categoryId === LEAD_CATEGORY_ID || detail.categoryLabel === LEAD_CATEGORY_LABEL || detail.categoryLabel.startsWith(`${LEAD_CATEGORY_LABEL}/`);
}

/**
 * PRODUCT.md §8: a volunteer's lead earns 5 points once staff confirm it is true. Shown to staff (the
 * detail names the reporter's user id only to them) on a 治安线索 case whose reporter is a volunteer.
 * The function decides who may confirm (its FORBIDDEN message is shown) and awards once per case.
 */
export function LeadSection({ detail }: { detail: CaseDetail }) {
  const reporterId = detail.reporterId;
  const [note, setNote] = useState('');
  const [done, setDone] = useState<'new' | 'before' | null>(null);
  const submit = useSubmit();
  if (!isLeadCase(detail) || !reporterId || !detail.reporterIsVolunteer) return null;

  const confirm = async () => {
    const res = await submit.run(() => call('volunteer', 'confirmLead', { caseId: detail.caseId, volunteerId: reporterId, note: note.trim() }));
    if (!res) return;
    setDone(res.created ? 'new' : 'before');
    if (res.created) void Taro.showToast({ title: `已记 ${res.points} 分`, icon: 'success', duration: 2000 });
  };

  return (
    <Section heading='线索核实'>
      <View className='section__text'>上报人{detail.reporter ? ` ${detail.reporter.name} ` : ''}是志愿者。线索经核实属实后，给上报人记 5 分（每件事只记一次）。</View>
      {done ? (
        <View className='section__text' role='status' data-testid='lead-confirmed'>
          {done === 'new' ? '已确认属实并记分' : '已确认属实并记分（此前已记过，不重复记分）'}
        </View>
      ) : (
        <View>
          <Field label='核实说明（可不填）' kind='multiline' value={note} onChange={setNote} maxLength={200} error={submit.fields.note} />
          {submit.message && (
            <View className='section__error' role='alert'>
              {submit.message}
            </View>
          )}
          <View className='section__actions'>
            <BigButton kind='primary' disabled={submit.busy} onClick={() => void confirm()}>
              {submit.busy ? '正在提交…' : '确认线索属实，给举报人记 5 分'}
            </BigButton>
          </View>
        </View>
      )}
    </Section>
  );
}
