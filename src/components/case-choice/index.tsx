import { View } from '@tarojs/components';
import { pressable } from './pressable';
import './index.scss';

interface CaseChoiceProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T) => void;
  /** The function's message for this field (CallError.fields). */
  error?: string;
  /** Two to a row for short labels; one to a row for long ones. */
  columns?: 1 | 2;
}

/**
 * A few options as big tiles, the chosen one filled and marked 已选: easier than a picker wheel for
 * unsteady fingers. A radio group for screen readers.
 */
export function CaseChoice<T extends string>({ label, options, value, onChange, error, columns = 2 }: CaseChoiceProps<T>) {
  return (
    <View className='field'>
      <View className='field__label' aria-hidden='true'>
        {label}
      </View>
      <View className={`case-choice case-choice--cols-${columns}`} role='radiogroup' aria-label={label}>
        {options.map((o) => {
          const chosen = o.value === value;
          return (
            <View
              key={o.value}
              className={`case-choice__option${chosen ? ' case-choice__option--chosen' : ''}`}
              role='radio'
              aria-checked={chosen}
              {...pressable(() => onChange(o.value))}
              onClick={() => onChange(o.value)}
            >
              {chosen ? `✓ ${o.label}` : o.label}
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

interface CaseSwitchProps {
  label: string;
  /** One sentence under the switch saying what it does. */
  help: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off row as one big target: the whole row toggles, the state is written out (开 / 关). */
export function CaseSwitch({ label, help, checked, onChange }: CaseSwitchProps) {
  return (
    <View className='field'>
      <View className='case-switch' role='switch' aria-checked={checked} aria-label={label} {...pressable(() => onChange(!checked))} onClick={() => onChange(!checked)}>
        <View className='case-switch__label'>{label}</View>
        <View className={`case-switch__state${checked ? ' case-switch__state--on' : ''}`}>{checked ? '开' : '关'}</View>
      </View>
      <View className='section__help'>{help}</View>
    </View>
  );
}
