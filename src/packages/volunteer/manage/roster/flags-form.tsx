import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/big-button';
import { CaseSwitch } from '../../../../components/case-choice';
import { call } from '../../../../services/call';
import { useSubmit } from '../../../../services/use-submit';
import type { VolunteerProfileView } from '../../shared/types';
import { FLAG_KEYS, FLAG_LABELS } from './duties';

const HELP = {
  buildingHead: '负责一栋楼的联系和通知。',
  unitHead: '负责一个单元的联系和通知。',
  infoAssistant: '协助网格员收集和上报信息。',
} as const;

/** Switch 楼栋长 / 单元长 / 信息协管员 on or off for one volunteer, then save. */
export function FlagsForm({ volunteer, onDone, onCancel }: { volunteer: VolunteerProfileView; onDone: () => void; onCancel: () => void }) {
  const [flags, setFlags] = useState(volunteer.flags);
  const submit = useSubmit();
  const save = async () => {
    const done = await submit.run(() => call('volunteer', 'setFlags', { volunteerId: volunteer.volunteerId, expectedVersion: volunteer.version, flags }));
    if (!done) return;
    await Taro.showToast({ title: '已保存', icon: 'success' });
    onDone();
  };
  return (
    <View className='vol-rule-editor'>
      {FLAG_KEYS.map((k) => (
        <CaseSwitch key={k} label={`${volunteer.name}是${FLAG_LABELS[k]}`} help={HELP[k]} checked={flags[k]} onChange={(on) => setFlags({ ...flags, [k]: on })} />
      ))}
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.message}
        </View>
      )}
      <View className='section__actions'>
        <BigButton kind='primary' disabled={submit.busy} onClick={() => void save()}>
          {submit.busy ? '正在保存…' : `保存${volunteer.name}的职务`}
        </BigButton>
        <BigButton onClick={onCancel}>不改了</BigButton>
      </View>
    </View>
  );
}
