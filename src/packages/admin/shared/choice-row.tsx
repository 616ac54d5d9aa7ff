import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';

interface ChoiceRowProps<T extends string> {
  label: string;
  options: Record<T, string>;
  value: T | undefined;
  onChange: (value: T) => void;
  disabled?: boolean;
}

/** A small set of options as big buttons (the chosen one filled): easier than a picker for unsteady fingers. */
export function ChoiceRow<T extends string>({ label, options, value, onChange, disabled = false }: ChoiceRowProps<T>) {
  return (
    <View className='field'>
      <View className='field__label'>{label}</View>
      <View className='section__actions' role='group' aria-label={label}>
        {(Object.keys(options) as T[]).map((key) => (
          <BigButton key={key} kind={key === value ? 'primary' : 'default'} disabled={disabled} onClick={() => onChange(key)}>
            {key === value ? `${options[key]}（已选）` : options[key]}
          </BigButton>
        ))}
      </View>
    </View>
  );
}
