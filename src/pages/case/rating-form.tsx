import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { CaseChoice } from '../../components/case-choice';
import { Field } from '../../components/field';
import { Section } from '../../components/section';
import { RATINGS, RATING_LABELS, type Rating } from '../../domain/case/case-state';
import { call } from '../../services/call';
import { useSubmit } from '../../services/use-submit';

const OPTIONS = RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }));

/** PRODUCT.md §6: the reporter confirms and rates; 不满意 sends the case back for rework once. */
export function RatingForm({ caseId, version, onRated }: { caseId: string; version: number; onRated: () => void }) {
  const [rating, setRating] = useState<Rating | undefined>();
  const [comment, setComment] = useState('');
  const submit = useSubmit();
  const [missing, setMissing] = useState('');

  const send = async () => {
    if (!rating) {
      setMissing('请选择满意度');
      return;
    }
    setMissing('');
    const res = await submit.run(() => call('case', 'rate', { caseId, expectedVersion: version, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    if (res) onRated();
  };

  return (
    <Section heading='请您评价'>
      <View className='section__help'>问题已处理完，社区也核查过了。您满意吗？选“不满意”会请网格员重新处理一次。</View>
      <CaseChoice label='满意度' options={OPTIONS} value={rating} onChange={setRating} columns={1} error={missing || submit.fields.rating} />
      <Field label='想说的话（可不填）' kind='multiline' value={comment} onChange={setComment} maxLength={500} error={submit.fields.comment} />
      {submit.message && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void send()}>
        {submit.busy ? '正在提交…' : '提交评价'}
      </BigButton>
    </Section>
  );
}
