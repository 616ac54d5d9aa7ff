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
import { COMMAND_OF, emptyForm, isStaffAction, type ActionFormState, type StaffAction } from './action-form-state';

/**
 * The buttons for what the caller may do now (`allowedActions`, computed by the function from the
 * domain's ACTION_RULES), and the open action's form. A refused action shows the function's message.
 */
export function ActionPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const actions = detail.allowedActions.filter(isStaffAction);
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [form, setForm] = useState<ActionFormState>(() => emptyForm(detail.caseClass));
  const submit = useSubmit();

  if (actions.length === 0) {
    return (
      <Section heading='办理'>
        <View className='section__text'>这件事现在不需要您办理。</View>
        <BigButton onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/staff/index/index' }))}>返回列表</BigButton>
      </Section>
    );
  }

  const fieldError = (name: string) => submit.fields[name] ?? submit.fields[`command.${name}`];
  const choose = (a: StaffAction) => {
    submit.reset();
    setForm(emptyForm(detail.caseClass));
    setOpen(a);
  };
  const send = async (a: StaffAction) => {
    const res = await submit.run(() => call('case', 'act', { caseId: detail.caseId, expectedVersion: detail.version, command: COMMAND_OF[a](form) }));
    if (!res) return;
    setOpen(null);
    void Taro.showToast({ title: `已${CASE_ACTION_LABELS[a]}`, icon: 'success', duration: 2000 });
    onDone();
  };

  return (
    <Section heading='办理'>
      {open === null ? (
        <View className='section__actions'>
          {actions.map((a, i) => (
            <BigButton key={a} kind={i === 0 ? 'primary' : 'default'} onClick={() => choose(a)}>
              {CASE_ACTION_LABELS[a]}
            </BigButton>
          ))}
        </View>
      ) : (
        <View>
          <View className='section__text staff-case__form-title' role='heading' aria-level={3}>
            {CASE_ACTION_LABELS[open]}
          </View>
          <ActionForm action={open} form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} fieldError={fieldError} />
          {submit.message && (
            <View className='section__error' role='alert'>
              {submit.message}
            </View>
          )}
          <View className='section__actions'>
            <BigButton kind='primary' disabled={submit.busy} onClick={() => void send(open)}>
              {submit.busy ? '正在提交…' : `确认${CASE_ACTION_LABELS[open]}`}
            </BigButton>
            <BigButton onClick={() => setOpen(null)}>取消</BigButton>
          </View>
        </View>
      )}
    </Section>
  );
}
