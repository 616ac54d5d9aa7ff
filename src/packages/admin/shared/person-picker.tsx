import { Picker, View } from '@tarojs/components';
import type { ActionOutput } from '../../../domain/api';

export type Person = ActionOutput<'org', 'listPeople'>['people'][number];

interface PersonPickerProps {
  /** What the tile says: the current choice with （点此更换）, or what picking does. E2E finds the tile by it. */
  label: string;
  /** The people offered, already narrowed by the caller (e.g. without the member themself). */
  people: Person[];
  onPick: (personId: string) => void;
}

/** One of the street's people by name and phone (two people may share a name), shown as one big tile. */
export function PersonPicker({ label, people, onPick }: PersonPickerProps) {
  return (
    <Picker mode='selector' range={people.map((p) => `${p.name} ${p.phone}`)} onChange={(e) => onPick(people[Number(e.detail.value)].personId)}>
      <View className='admin-picker'>{label}</View>
    </Picker>
  );
}
