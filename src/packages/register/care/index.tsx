import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { PageShell } from '../../../components/page-shell';
import { QueryView } from '../../../components/query-view';
import { Section } from '../../../components/section';
import type { ActionOutput } from '../../../domain/api';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { useSubmit } from '../../../services/use-submit';
import { CareGroupToggles } from '../shared/care-group-toggles';
import { chinaToday } from '../shared/links';

type View_ = ActionOutput<'register', 'household'>;

/** 标记特殊群体: the groups the caller may see, as big on/off tiles; saving is a dated change. */
export default function CarePage() {
  const { householdId = '', residentId = '' } = useRouter().params;
  const { state, reload } = useQuery(() => call('register', 'household', { householdId }));
  return (
    <PageShell title='特殊群体'>
      <QueryView state={state} onRetry={reload}>
        {(v) => <CareForm view={v} residentId={residentId} />}
      </QueryView>
    </PageShell>
  );
}

function CareForm({ view, residentId }: { view: View_; residentId: string }) {
  const person = view.people.find((p) => p.residentId === residentId);
  const [flags, setFlags] = useState<string[]>(person?.careFlags ?? []);
  const submit = useSubmit();
  if (!person) return <Section heading='没有找到此人'><View className='section__text'>此人已不在本户。</View></Section>;
  const save = async () => {
    const result = await submit.run(() => call('register', 'setCareFlags', { residentId, expectedVersion: person.version, flags, occurredOn: chinaToday() }));
    if (!result) return;
    await Taro.showToast({ title: '已保存', icon: 'success' });
    void Taro.navigateBack();
  };
  return (
    <Section heading={person.name}>
      <CareGroupToggles groups={view.careGroups} chosen={flags} onChange={setFlags} />
      {submit.message !== '' && <View className='section__error' role='alert'>{submit.message}</View>}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存标记'}
      </BigButton>
    </Section>
  );
}
