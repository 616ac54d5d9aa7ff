import { View } from '@tarojs/components';
import { Avatar } from '../../components/avatar';
import { CallButton } from '../../components/call-button';
import type { BoardPerson } from '../../domain/org/api';

/** One person of the grid as on the paper board: photo, name, role, duties, phone, and a call button. */
export function PersonCard({ person }: { person: BoardPerson }) {
  const role = person.employmentLabel ? `${person.roleLabel}（${person.employmentLabel}）` : person.roleLabel;
  return (
    <View className='person-card' data-testid='person-card'>
      <View className='person-card__top'>
        <Avatar name={person.name} photoUrl={person.photoUrl} />
        <View className='person-card__who'>
          <View className='person-card__name' role='heading' aria-level={3}>
            {person.name}
          </View>
          <View className='person-card__role'>{role}</View>
          <View className='person-card__phone'>电话：{person.phone}</View>
        </View>
      </View>
      {/* The call comes before the duties, so it is on the first screen even in 特大字. */}
      <CallButton phone={person.phone} who={person.name} />
      {person.duties !== '' && <View className='person-card__duties'>职责：{person.duties}</View>}
      {person.cover && (
        <View className='person-card__cover'>
          B岗：{person.cover.name} {person.cover.phoneMasked}
        </View>
      )}
    </View>
  );
}
