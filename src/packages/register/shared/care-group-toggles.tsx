import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import type { ActionOutput } from '../../../domain/api';

type CareGroup = ActionOutput<'register', 'household'>['careGroups'][number];

interface CareGroupTogglesProps {
  /** The groups the caller may see and set (the household view gives only those). */
  groups: CareGroup[];
  /** The group ids chosen now. */
  chosen: string[];
  onChange: (flags: string[]) => void;
}

/**
 * 特殊群体 as big on/off tiles (a chosen one filled and read 已选 …), for 标记特殊群体 and for 确认登记 of
 * a drafted change (a 特殊群体变更, or an arrival's groups); register.e2e taps a tile by its group name.
 */
export function CareGroupToggles({ groups, chosen, onChange }: CareGroupTogglesProps) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  return (
    <View className='section__actions' role='group' aria-label='特殊群体'>
      {groups.map((g) => (
        <BigButton key={g.id} kind={chosen.includes(g.id) ? 'primary' : 'default'} onClick={() => toggle(g.id)}>
          {chosen.includes(g.id) ? `已选 ${g.label}` : g.label}
        </BigButton>
      ))}
    </View>
  );
}
