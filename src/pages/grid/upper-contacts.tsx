import { View } from '@tarojs/components';
import { CallButton } from '../../components/call-button';
import { Section } from '../../components/section';
import type { BoardView } from '../../domain/org/api';

const LEVEL_LABELS: Record<BoardView['upperContacts'][number]['level'], string> = { community: '社区', street: '街道' };

/** 上下级网格联系人 (000 L81): the community's and street's people on duty. */
export function UpperContacts({ contacts }: { contacts: BoardView['upperContacts'] }) {
  if (contacts.length === 0) return null;
  return (
    <Section heading='社区、街道联系电话'>
      {contacts.map((c) => (
        <View key={`${c.level}-${c.phone}`} className='person-card'>
          <View className='person-card__name' role='heading' aria-level={3}>
            {c.title || LEVEL_LABELS[c.level]}
          </View>
          <View className='person-card__role'>
            {LEVEL_LABELS[c.level]}：{c.name}
          </View>
          <View className='person-card__phone'>电话：{c.phone}</View>
          <CallButton phone={c.phone} who={c.title || c.name} />
        </View>
      ))}
    </Section>
  );
}
