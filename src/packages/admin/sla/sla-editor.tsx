import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import type { caseApi, Category } from '../../../domain/case/api';
import { CASE_CLASS_LABELS, CASE_CLASSES, type CaseClass } from '../../../domain/case/case-state';
import { DEADLINE_KINDS, type DeadlineKind, type DeadlineSpec } from '../../../domain/case/sla-config';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import { DEADLINE_LABELS, ruleText, scopeText, UNIT_LABELS } from './labels';

export type SlaData = z.infer<(typeof caseApi)['streetConfig']['output']> & {
  categories: Category[];
  status: z.infer<(typeof caseApi)['calendarStatus']['output']>;
};
type Override = SlaData['sla']['overrides'][number];

const ALL = 'all';
const UNITS = Object.keys(UNIT_LABELS) as DeadlineSpec['unit'][];

/** Leaves a case can be filed under, labelled 大类/小类 as on the case. */
function leavesOf(tree: Category[]) {
  return tree.flatMap((c) => (c.children.length ? c.children.map((k) => ({ value: k.id, label: `${c.label}/${k.label}` })) : [{ value: c.id, label: c.label }]));
}

/** The street's adjustments (add with a reason, remove) and its extra closed days; each save is `case.saveSla` on the version shown. */
export function SlaEditor({ data }: { data: SlaData }) {
  const [version, setVersion] = useState(data.slaVersion);
  const [overrides, setOverrides] = useState<Override[]>(data.sla.overrides);
  const [kind, setKind] = useState<DeadlineKind>('sign_for');
  const [categoryId, setCategoryId] = useState<string>(ALL);
  const [caseClass, setCaseClass] = useState<CaseClass | typeof ALL>(ALL);
  const [unit, setUnit] = useState<DeadlineSpec['unit']>('working_hours');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [closed, setClosed] = useState(data.calendar.extraClosedDates.join('，'));
  // The closed days as last saved: an override saved after them keeps them.
  const [closedSaved, setClosedSaved] = useState(data.calendar.extraClosedDates);
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  const leaves = leavesOf(data.categories);
  const labelOf = (id: string) => leaves.find((l) => l.value === id)?.label ?? id;

  const send = async (next: Override[], extraClosedDates: string[], done: string) => {
    setSaved('');
    const calendar = { ...data.calendar, extraClosedDates };
    const result = await submit.run(() => call('case', 'saveSla', { expectedVersion: version, sla: { ...data.sla, overrides: next }, calendar }));
    if (!result) return false;
    setVersion(result.version);
    setOverrides(next);
    setClosedSaved(extraClosedDates);
    setSaved(done);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    return true;
  };
  const closedDates = () => closed.split(/[，,、\s]+/).filter(Boolean);

  const addOverride = async () => {
    const o: Override = {
      kind,
      unit,
      amount: unit === 'immediate' ? 0 : Number(amount === '' ? NaN : amount),
      reason,
      ...(categoryId === ALL ? {} : { categoryId }),
      ...(caseClass === ALL ? {} : { caseClass }),
    };
    if (await send([...overrides, o], closedSaved, '已添加调整')) {
      setAmount('');
      setReason('');
    }
  };
  const at = (field: string) => submit.fields[`sla.overrides.${overrides.length}.${field}`];
  const amountError = unit !== 'immediate' && amount !== '' && Number.isNaN(Number(amount)) ? '请填写数字' : at('amount');

  return (
    <>
      <Section heading='本街道的调整'>
        {overrides.length === 0 && <View className='section__text'>还没有调整，全部使用默认时限。</View>}
        {overrides.map((o, i) => (
          <View key={`${o.kind}-${o.categoryId ?? ''}-${o.caseClass ?? ''}-${i}`} className='admin-row'>
            <View className='admin-row__title'>
              {DEADLINE_LABELS[o.kind]}：{ruleText(o)}
            </View>
            <View className='admin-row__meta'>
              适用：{scopeText(o, labelOf)}；依据：{o.reason}
            </View>
            <BigButton disabled={submit.busy} onClick={() => void send(overrides.filter((_, k) => k !== i), closedSaved, '已删除调整')}>
              删除这条调整（{DEADLINE_LABELS[o.kind]}）
            </BigButton>
          </View>
        ))}
      </Section>
      <Section heading='新增调整'>
        <CaseChoice label='哪一项时限' options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_LABELS[k] }))} value={kind} onChange={setKind} columns={1} error={at('kind')} />
        <CaseChoice label='适用的事件分类' options={[{ value: ALL, label: '全部分类' }, ...leaves]} value={categoryId} onChange={setCategoryId} error={at('categoryId')} />
        <CaseChoice
          label='适用的事件类型'
          options={[{ value: ALL, label: '全部类型' }, ...CASE_CLASSES.map((c) => ({ value: c, label: CASE_CLASS_LABELS[c] }))]}
          value={caseClass}
          onChange={setCaseClass}
          error={at('caseClass')}
        />
        <CaseChoice label='计时单位' options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u].replace(/^个/, '') }))} value={unit} onChange={setUnit} error={at('unit')} />
        {unit !== 'immediate' && <Field label='时限数量' kind='number' value={amount} onChange={setAmount} error={amountError} placeholder='如 1' maxLength={4} />}
        <Field label='调整依据' value={reason} onChange={setReason} error={at('reason')} placeholder='如 街道考核要求一小时内签收' maxLength={100} />
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void addOverride()}>
          {submit.busy ? '正在保存…' : '添加调整'}
        </BigButton>
      </Section>
      <Section heading='街道休息日'>
        <View className='section__help'>法定节假日和调休已自动计入。这里只填街道额外休息的日期，如 2026-12-08，多个用逗号分开。</View>
        <Field label='额外休息日' value={closed} onChange={setClosed} error={Object.entries(submit.fields).find(([k]) => k.startsWith('calendar.'))?.[1]} placeholder='YYYY-MM-DD' maxLength={400} />
        <BigButton disabled={submit.busy} onClick={() => void send(overrides, closedDates(), '已保存休息日')}>
          保存休息日
        </BigButton>
      </Section>
      <Section heading='保存结果'>
        {submit.message !== '' && (
          <View className='section__error' role='alert'>
            {Object.keys(submit.fields).length > 0 ? `请按红字提示修改后再保存（${submit.message}）` : submit.message}
          </View>
        )}
        {saved !== '' && (
          <View className='admin-saved' role='status'>
            {saved}
          </View>
        )}
        {submit.message === '' && saved === '' && <View className='section__text'>尚未修改。</View>}
      </Section>
    </>
  );
}
