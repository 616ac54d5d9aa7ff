import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { SaveFooter } from '../../../components/submit-button';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { ChoiceRow } from '../shared/choice-row';
import { useVersionedSave } from '../shared/save-form';
import type { OrgTree, TreeCommunity } from '../shared/find-grid';

interface CommunityFormProps {
  community?: TreeCommunity;
  scheme: OrgTree['street']['gridCodeScheme'];
}

const STATE_LABELS = { on: '启用', off: '停用' } as const;
type StateKey = keyof typeof STATE_LABELS;

export function CommunityForm({ community, scheme }: CommunityFormProps) {
  const [name, setName] = useState(community?.name ?? '');
  const [letter, setLetter] = useState(community?.letter ?? '');
  const [villageCode, setVillageCode] = useState(community?.villageCode ?? '');
  const [enabled, setEnabled] = useState<StateKey>(community?.enabled === false ? 'off' : 'on');
  // Kept for the page's life: a retry or double tap of 保存 re-sends the same id and creates one community.
  const [requestId] = useState(newRequestId);
  const { submit, saved, save: send } = useVersionedSave(community?.version ?? 0);
  const byLetter = scheme === 'letter';

  const save = async () => {
    const code = byLetter ? { letter: letter.trim() } : { villageCode: villageCode.trim() };
    const common = { name, ...code, enabled: enabled === 'on' };
    const result = await send((expectedVersion) =>
      community
        ? call('org', 'saveCommunity', { communityId: community.communityId, expectedVersion, ...common })
        : call('org', 'saveCommunity', { requestId, ...common }),
    );
    if (result && !community) Taro.navigateBack().catch(() => undefined);
  };

  const f = submit.fields;
  return (
    <Section heading={community ? community.name : '新社区'}>
      <Field label='社区名称' value={name} onChange={setName} error={f.name} placeholder='如 肥东路社区' maxLength={40} />
      {byLetter ? (
        <>
          <Field
            label='社区字母'
            value={letter}
            onChange={(v) => setLetter(v.trim().toUpperCase())}
            error={f.letter}
            placeholder='一个大写字母，如 D'
            maxLength={1}
          />
          <View className='section__help'>本社区的网格编号以这个字母开头，如 D1、D2。街道内不能重复。</View>
        </>
      ) : (
        <>
          <Field
            label='社区代码'
            kind='number'
            value={villageCode}
            onChange={(v) => setVillageCode(v.trim())}
            error={f.villageCode}
            placeholder='3位数字，如 004'
            maxLength={3}
          />
          <View className='section__help'>本社区的6位网格编号以这3位数字开头。街道内不能重复。</View>
        </>
      )}
      <ChoiceRow label='状态' options={STATE_LABELS} value={enabled} onChange={setEnabled} disabled={submit.busy} />
      <SaveFooter submit={submit} saved={saved} onSave={() => void save()} />
    </Section>
  );
}
