import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import type { CaseDetail } from '../../../domain/case/api';
import { CASE_ACTION_LABELS } from '../../../domain/case/case-command';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import { ActionForm } from './action-form';
import { COMMAND_OF, CONFIRM_BEFORE, emptyForm, isStaffAction, nextActionOf, isOneTap, type ActionFormState, type StaffAction } from './action-form-state';

/**
 * What the caller may do now (`allowedActions`, from the domain's ACTION_RULES), led by the one next
 * action (issue 8 item 8): 签收 is one tap; 办结 shows its photo and result on this screen; the rest
 * wait under 更多. Only steps that cannot be undone ask again; an error goes as soon as its field changes.
 */
export function ActionPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const actions = detail.allowedActions.filter(isStaffAction);
  const next = nextActionOf(actions);
  const [open, setOpen] = useState<StaffAction | null>(next && !isOneTap(next, detail.caseClass) ? next : null);
  const [showMore, setShowMore] = useState(false);
  const [form, setForm] = useState<ActionFormState>(() => emptyForm(detail.caseClass));
  const submit = useSubmit();

  if (actions.length === 0 || !next) {
    return (
      <Section heading='办理'>
        <View className='section__text'>这件事现在不需要您办理。</View>
        <BigButton onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/staff/index/index' }))}>返回列表</BigButton>
      </Section>
    );
  }

  const fieldError = (name: string) => submit.fields[name] ?? submit.fields[`command.${name}`];
  const change = (patch: Partial<ActionFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    submit.clearField(...Object.keys(patch).flatMap((k) => [k, `command.${k}`]));
  };
  const choose = (a: StaffAction) => {
    submit.reset();
    setForm(emptyForm(detail.caseClass));
    setOpen(a);
    setShowMore(false);
  };
  const send = async (a: StaffAction) => {
    const ask = CONFIRM_BEFORE[a];
    if (ask && !(await Taro.showModal({ ...ask, confirmColor: '#a3121a', cancelColor: '#1a1a1a' })).confirm) return;
    const res = await submit.run(() => call('case', 'act', { caseId: detail.caseId, expectedVersion: detail.version, command: COMMAND_OF[a](form) }));
    if (!res) return;
    void Taro.showToast({ title: `已${CASE_ACTION_LABELS[a]}`, icon: 'success', duration: 2000 });
    onDone();
  };
  const others = actions.filter((a) => a !== next && a !== open);

  return (
    <Section heading='办理'>
      {open === null ? (
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void send(next)}>
          {submit.busy ? '正在提交…' : CASE_ACTION_LABELS[next]}
        </BigButton>
      ) : (
        <View>
          <View className='section__text staff-case__form-title' role='heading' aria-level={3}>
            {CASE_ACTION_LABELS[open]}
          </View>
          <ActionForm action={open} form={form} onChange={change} fieldError={fieldError} />
          <View className='section__actions'>
            <BigButton kind='primary' disabled={submit.busy} onClick={() => void send(open)}>
              {submit.busy ? '正在提交…' : `确认${CASE_ACTION_LABELS[open]}`}
            </BigButton>
            {open !== next && <BigButton onClick={() => setOpen(isOneTap(next, detail.caseClass) ? null : next)}>取消</BigButton>}
          </View>
        </View>
      )}
      {submit.message && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      {others.length > 0 && (
        <View className='section__actions'>
          <BigButton onClick={() => setShowMore((v) => !v)}>{showMore ? '收起更多操作' : `更多操作（${others.length} 项）`}</BigButton>
          {showMore &&
            others.map((a) => (
              <BigButton key={a} onClick={() => (isOneTap(a, detail.caseClass) ? void send(a) : choose(a))}>
                {CASE_ACTION_LABELS[a]}
              </BigButton>
            ))}
        </View>
      )}
    </Section>
  );
}
