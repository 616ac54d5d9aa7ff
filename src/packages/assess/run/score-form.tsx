import { useState } from 'react';
import { CaseChoice } from '../../../components/case-choice';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { SubmitButton } from '../../../components/submit-button';
import type { ActionOutput } from '../../../domain/api';
import type { EntryValue } from '../../../domain/assessment/facts';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';

type Run = ActionOutput<'assess', 'run'>;

const VALUE_LABELS: Record<string, string> = { points: '分数', count: '次数', options: '选项', veto: '是否否决' };

/** An assessor scores one item of one person (or community) with a reason; only items they may score are offered. */
export function ScoreForm({ run, onSaved }: { run: Run; onSaved: () => void }) {
  const subjects = run.subjects.filter((s) => s.scorableItems.length > 0);
  const [subjectId, setSubjectId] = useState<string | undefined>(subjects[0]?.id);
  const subject = subjects.find((s) => s.id === subjectId);
  const items = run.items.filter((i) => subject?.scorableItems.includes(i.id));
  const [itemId, setItemId] = useState<string | undefined>();
  const item = items.find((i) => i.id === itemId);
  const [amount, setAmount] = useState('');
  const [option, setOption] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const submit = useSubmit();

  const valueOf = (): EntryValue | null => {
    if (!item) return null;
    if (item.entry === 'points') return { kind: 'points', points: Number(amount) };
    if (item.entry === 'count') return { kind: 'count', count: Number(amount) };
    if (item.entry === 'options') return { kind: 'options', optionIds: option ? [option] : [] };
    return { kind: 'veto', vetoed: option === 'yes' };
  };
  const save = () =>
    void submit.run(async () => {
      const value = valueOf();
      if (!value || !subjectId) return;
      await call('assess', 'enterScore', { runId: run.runId, expectedVersion: run.version, subjectId, itemId: item!.id, value, reason });
      setAmount('');
      setReason('');
      onSaved();
    });

  return (
    <Section heading='录入评分'>
      <CaseChoice label='被考核对象' options={subjects.map((s) => ({ value: s.id, label: s.name }))} value={subjectId} onChange={setSubjectId} columns={2} />
      <CaseChoice label='考核条目' options={items.map((i) => ({ value: i.id, label: i.max > 0 ? `${i.title}(满分${i.max})` : i.title }))} value={itemId} onChange={setItemId} columns={1} error={submit.fields.itemId} />
      {item && (item.entry === 'points' || item.entry === 'count') && (
        <Field label={VALUE_LABELS[item.entry]} kind='number' value={amount} onChange={setAmount} error={submit.fields['value.points'] ?? submit.fields['value.count'] ?? submit.fields.value} />
      )}
      {item?.entry === 'options' && (
        <CaseChoice label='选项' options={[{ value: '', label: '无' }, ...item.options.map((o) => ({ value: o.id, label: `${o.label}(${o.points}分)` }))]} value={option} onChange={setOption} columns={1} error={submit.fields['value.optionIds']} />
      )}
      {item?.entry === 'veto' && <CaseChoice label='是否一票否决' options={[{ value: 'no', label: '不否决' }, { value: 'yes', label: '一票否决' }]} value={option} onChange={setOption} columns={2} />}
      <Field label='评分理由' kind='multiline' value={reason} onChange={setReason} error={submit.fields.reason} placeholder='写明依据,如检查记录、台账' />
      <SubmitButton submit={submit} disabled={!item} onClick={save}>
        保存评分
      </SubmitButton>
    </Section>
  );
}
