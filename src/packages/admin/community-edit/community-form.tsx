import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { newRequestId } from '../../../services/request-id';
import { ChoiceRow } from '../shared/choice-row';
import { useSubmit } from '../../../services/use-submit';
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
  const [version, setVersion] = useState(community?.version ?? 0);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const byLetter = scheme === 'letter';

  const save = async () => {
    setSaved(false);
    const code = byLetter ? { letter: letter.trim() } : { villageCode: villageCode.trim() };
    const common = { name, ...code, enabled: enabled === 'on' };
    const result = await submit.run(() =>
      community
        ? call('org', 'saveCommunity', { communityId: community.communityId, expectedVersion: version, ...common })
        : call('org', 'saveCommunity', { requestId, ...common }),
    );
    if (!result) return;
    setVersion(result.version);
    setSaved(true);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    if (!community) Taro.navigateBack().catch(() => undefined);
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
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(f).length > 0 ? '请按红字提示修改后再保存' : submit.message}
        </View>
      )}
      {saved && (
        <View className='admin-saved' role='status'>
          已保存
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存'}
      </BigButton>
    </Section>
  );
}
