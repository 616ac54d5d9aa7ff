import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import type { CaseDetail } from '../../../domain/case/api';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';

/**
 * PRODUCT.md §8: a volunteer's lead earns 5 points once staff confirm it is true. Shown to staff (the
 * detail names the reporter's user id only to them) when the reporter is a volunteer. Whether the case is
 * a lead, verified, and confirmable by this staff member is the server's rule (`volunteer.leadStatus`),
 * never a label check here.
 */
export function LeadSection({ detail }: { detail: CaseDetail }) {
  const reporterId = detail.reporterId;
  if (!reporterId || !detail.reporterIsVolunteer) return null;
  // Remounted on each new version of the case, so a verification done meanwhile is asked about again.
  return <LeadConfirm key={detail.version} detail={detail} reporterId={reporterId} />;
}

type LeadStatus = ActionOutput<'volunteer', 'leadStatus'>;

function LeadConfirm({ detail, reporterId }: { detail: CaseDetail; reporterId: string }) {
  const { state, reload } = useQuery(() => call('volunteer', 'leadStatus', { caseId: detail.caseId }));
  // Mounted after the page showed (once the case detail arrived), so the page's didShow never reaches it.
  useEffect(reload, [reload]);
  if (state.status !== 'ready' || !state.data.isLead) return null;
  return (
    <Section heading='线索核实'>
      <View className='section__text'>上报人{detail.reporter ? ` ${detail.reporter.name} ` : ''}是志愿者。线索经核查属实后，给上报人记 {state.data.points} 分（每件事只记一次）。</View>
      <LeadAnswer status={state.data} caseId={detail.caseId} reporterId={reporterId} />
    </Section>
  );
}

function LeadAnswer({ status, caseId, reporterId }: { status: LeadStatus; caseId: string; reporterId: string }) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState<'new' | 'before' | null>(status.awarded ? 'before' : null);
  const submit = useSubmit();

  const confirm = async () => {
    const res = await submit.run(() => call('volunteer', 'confirmLead', { caseId, volunteerId: reporterId, note: note.trim() }));
    if (!res) return;
    setDone(res.created ? 'new' : 'before');
    if (res.created) void Taro.showToast({ title: `已记 ${res.points} 分`, icon: 'success', duration: 2000 });
  };

  if (done) {
    return (
      <View className='section__text' role='status' data-testid='lead-confirmed'>
        {done === 'new' ? '已确认属实并记分' : '已确认属实并记分（此前已记过，不重复记分）'}
      </View>
    );
  }
  // The server's reason: not verified yet, returned as 不实, or this staff member reported or handled it.
  if (!status.confirmable) return <View className='section__text' role='status'>{status.message}</View>;
  return (
    <View>
      <Field label='核实说明（可不填）' kind='multiline' value={note} onChange={setNote} maxLength={200} error={submit.fields.note} />
      {submit.message && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <View className='section__actions'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void confirm()}>
          {submit.busy ? '正在提交…' : `确认线索属实，给举报人记 ${status.points} 分`}
        </BigButton>
      </View>
    </View>
  );
}
