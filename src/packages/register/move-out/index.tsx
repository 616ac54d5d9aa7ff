import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CaseChoice } from '../../../components/case-choice';
import { Field } from '../../../components/field';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { chinaToday } from '../shared/links';

type Leave = 'away' | 'deceased';
const LEAVES: ReadonlyArray<{ value: Leave; label: string }> = [
  { value: 'away', label: '迁出' },
  { value: 'deceased', label: '死亡' },
];

/** 迁出登记: a person leaves the household (history kept); a 交接单 goes to the community. */
export default function MoveOutPage() {
  const { householdId = '', residentId = '' } = useRouter().params;
  const { state, reload } = useQuery(() => call('register', 'household', { householdId }));
  const [kind, setKind] = useState<Leave>('away');
  const [occurredOn, setOccurredOn] = useState(chinaToday());
  const submit = useSubmit();
  return (
    <PageShell title='迁出登记'>
      <QueryView state={state} onRetry={reload}>
        {(v) => {
          const person = v.people.find((p) => p.residentId === residentId);
          if (!person) return <Section heading='没有找到此人'><View className='section__text'>此人已不在本户。</View></Section>;
          const save = async () => {
            const result = await submit.run(() => call('register', 'movePerson', { residentId, expectedVersion: person.version, occurredOn, to: { kind } }));
            if (!result) return;
            await Taro.showToast({ title: '已登记', icon: 'success' });
            void Taro.navigateBack();
          };
          return (
            <Section heading={person.name}>
              <CaseChoice label='变动类型' options={LEAVES} value={kind} onChange={setKind} />
              <Field label='发生日期' value={occurredOn} onChange={setOccurredOn} error={submit.fields.occurredOn} placeholder='如 2026-11-30' maxLength={10} />
              {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
              <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
                {submit.busy ? '正在保存…' : '确认登记'}
              </BigButton>
            </Section>
          );
        }}
      </QueryView>
    </PageShell>
  );
}
