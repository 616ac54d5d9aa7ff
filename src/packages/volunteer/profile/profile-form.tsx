import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { Field } from '../../../components/field';
import { Section } from '../../../components/section';
import { call } from '../../../services/call';
import { useSubmit } from '../../../services/use-submit';
import type { VolunteerProfileView } from '../shared/types';

interface ProfileFormProps {
  profile: VolunteerProfileView | null;
  defaultName: string;
  communityId: string;
}

/** Skills typed as one line, split on 、，, or spaces: easier than adding tags one by one. */
const splitSkills = (text: string) =>
  text
    .split(/[、，,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function ProfileForm({ profile, defaultName, communityId }: ProfileFormProps) {
  const [name, setName] = useState(profile?.name ?? defaultName);
  const [phone, setPhone] = useState(profile?.phone ?? '');
  const [building, setBuilding] = useState(profile?.building ?? '');
  const [skills, setSkills] = useState((profile?.skills ?? []).join('、'));
  const [version, setVersion] = useState(profile?.version);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();

  const save = async () => {
    setSaved(false);
    const res = await submit.run(() =>
      call('volunteer', 'saveProfile', { ...(version !== undefined ? { expectedVersion: version } : {}), name, phone, communityId, building, skills: splitSkills(skills) }),
    );
    if (!res) return;
    setVersion(res.version);
    setSaved(true);
    await Taro.showToast({ title: '已保存', icon: 'success' });
  };

  const f = submit.fields;
  return (
    <Section heading={profile ? '修改资料' : '填写资料'}>
      <Field label='姓名' value={name} onChange={setName} error={f.name} maxLength={20} />
      <Field label='手机号' kind='phone' value={phone} onChange={setPhone} error={f.phone} maxLength={20} />
      <Field label='楼栋' value={building} onChange={setBuilding} error={f.building} placeholder='如 3栋2单元' maxLength={30} />
      <Field label='特长（可写几项，用顿号隔开）' value={skills} onChange={setSkills} error={f.skills} placeholder='如 水电维修、理发、辅导功课' maxLength={200} />
      {f.communityId && (
        <View className='section__error' role='alert'>
          {f.communityId}
        </View>
      )}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(f).length > 0 ? '请按红字提示修改后再保存' : submit.message}
        </View>
      )}
      {saved && (
        <View className='vol-done' role='status'>
          ✓ 已保存
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
        {submit.busy ? '正在保存…' : '保存'}
      </BigButton>
    </Section>
  );
}
