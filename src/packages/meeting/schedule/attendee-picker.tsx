import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { pressable } from '../../../components/case-choice/pressable';

interface Person {
  userId: string;
  name: string;
  roles: string;
}

/** Who must attend: one big row per person (tap to add or remove, 已选 written out), plus all / none. */
export function AttendeePicker({ people, chosen, onChange, error }: { people: Person[]; chosen: ReadonlySet<string>; onChange: (next: Set<string>) => void; error?: string }) {
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <View className='field'>
      <View className='field__label' aria-hidden='true'>
        参会人（已选 {chosen.size} / {people.length} 人）
      </View>
      <View className='section__actions'>
        <BigButton onClick={() => onChange(new Set(people.map((p) => p.userId)))}>全选</BigButton>
        <BigButton onClick={() => onChange(new Set())}>全不选</BigButton>
      </View>
      <View role='group' aria-label='参会人'>
        {people.map((p) => {
          const on = chosen.has(p.userId);
          return (
            <View key={p.userId} className={`case-choice__option${on ? ' case-choice__option--chosen' : ''}`} role='checkbox' aria-checked={on} {...pressable(() => toggle(p.userId))} onClick={() => toggle(p.userId)}>
              {on ? '✓ ' : ''}
              {p.name}（{p.roles}）
            </View>
          );
        })}
      </View>
      {error && (
        <View className='field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
