import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { CaseSwitch } from '../../../../components/case-choice';
import { Field } from '../../../../components/field';
import { call } from '../../../../services/call';
import { useSubmit } from '../../../../services/use-submit';
import type { RuleView, RulesView } from './rule-facts';

type Override = RulesView['overrides'][number];

/**
 * The administrator's change to one rule: new points (fixed-value rules only), on/off, and the required
 * reason. Saved as this rule's override; the other overrides and added rules go back unchanged.
 */
export function RuleEditor({ rule, view, onDone, onCancel }: { rule: RuleView; view: RulesView; onDone: () => void; onCancel: () => void }) {
  const fixed = rule.points !== null;
  const [points, setPoints] = useState(fixed ? String(rule.points) : '');
  const [active, setActive] = useState(rule.active);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<{ points?: string; reason?: string }>({});
  const submit = useSubmit();

  const others = view.overrides.filter((o) => o.ruleId !== rule.id);
  const at = others.length; // this rule's override goes last: its errors come back as overrides.<at>.<field>
  const serverError = (field: string) => submit.fields[`overrides.${at}.${field}`];

  const save = async () => {
    const value = Number(points);
    const errors = {
      points: fixed && !(Number.isInteger(value) && value > 0 && value <= 100) ? '请填写 1 到 100 之间的整数' : undefined,
      reason: reason.trim() === '' ? '请写明调整理由' : undefined,
    };
    setLocal(errors);
    if (errors.points || errors.reason) return;
    const previous = view.overrides.find((o) => o.ruleId === rule.id);
    const override: Override = { ruleId: rule.id, active, reason: reason.trim(), ...(previous?.activity ? { activity: previous.activity } : {}), ...(fixed ? { points: value } : {}) };
    const done = await submit.run(() => call('volunteer', 'saveRules', { expectedVersion: view.version, overrides: [...others, override], added: view.added }));
    if (!done) return;
    await Taro.showToast({ title: '已保存', icon: 'success' });
    onDone();
  };

  const pointsError = local.points ?? serverError('points');
  const reasonError = local.reason ?? serverError('reason');
  const otherError = submit.message !== '' && !serverError('points') && !serverError('reason');
  return (
    <View className='vol-rule-editor'>
      {fixed ? (
        <Field label='每次积分' kind='number' value={points} onChange={setPoints} error={pointsError} maxLength={3} />
      ) : (
        <View className='section__text'>这条规则没有固定分值，每次活动的分值由街道在“待审批的活动分值”里确定。</View>
      )}
      <CaseSwitch label='启用这条规则' help='停用后，社区发布新活动时不能再选它；已经记下的积分不变。' checked={active} onChange={setActive} />
      <Field label='调整理由' kind='multiline' value={reason} onChange={setReason} error={reasonError} placeholder='如 街道领导小组2026年3月会议决定' maxLength={200} />
      {otherError && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <View className='section__actions'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
          {submit.busy ? '正在保存…' : '保存调整'}
        </BigButton>
        <BigButton onClick={onCancel}>不改了</BigButton>
      </View>
    </View>
  );
}
