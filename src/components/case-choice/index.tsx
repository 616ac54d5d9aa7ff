import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../big-button';
import { pressable } from './pressable';
import './index.scss';

interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

interface CaseChoiceProps<T extends string> {
  label: string;
  options: readonly ChoiceOption<T>[];
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
    <ChoiceField label={label} error={error}>
      <ChoiceTiles label={label} options={options} columns={columns} mode='one' isChosen={(v) => v === value} onPress={onChange} />
    </ChoiceField>
  );
}

interface CaseMultiChoiceProps<T extends string> {
  label: string;
  options: readonly ChoiceOption<T>[];
  value: ReadonlySet<T>;
  onChange: (next: Set<T>) => void;
  error?: string;
  /** What is counted in the label's 已选 n / N (e.g. 人); nothing by default. */
  unit?: string;
  columns?: 1 | 2;
}

/**
 * The same tiles for choosing several (e.g. who must attend a meeting): tap to add or remove, 已选
 * counted in the label, and 全选 / 全不选 for long lists. A group of checkboxes for screen readers.
 */
export function CaseMultiChoice<T extends string>({ label, options, value, onChange, error, unit = '', columns = 1 }: CaseMultiChoiceProps<T>) {
  const toggle = (v: T) => {
    const next = new Set(value);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    onChange(next);
  };
  const count = `已选 ${value.size} / ${options.length}${unit ? ` ${unit}` : ''}`;
  return (
    <ChoiceField label={`${label}（${count}）`} error={error}>
      <View className='section__actions'>
        <BigButton onClick={() => onChange(new Set(options.map((o) => o.value)))}>全选</BigButton>
        <BigButton onClick={() => onChange(new Set())}>全不选</BigButton>
      </View>
      <ChoiceTiles label={label} options={options} columns={columns} mode='many' isChosen={(v) => value.has(v)} onPress={toggle} />
    </ChoiceField>
  );
}

/** The field around a choice: the visible label (the group itself carries it for screen readers) and the error. */
function ChoiceField({ label, error, children }: PropsWithChildren<{ label: string; error?: string }>) {
  return (
    <View className='field'>
      <View className='field__label' aria-hidden='true'>
        {label}
      </View>
      {children}
      {error && (
        <View className='field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}

/** Roles for choosing one (radios in a radiogroup) or several (checkboxes in a group). */
const TILE_ROLES = {
  one: { group: 'radiogroup', tile: 'radio' },
  many: { group: 'group', tile: 'checkbox' },
} as const satisfies Record<'one' | 'many', { group: string; tile: string }>;

function ChoiceTiles<T extends string>({ label, options, columns, mode, isChosen, onPress }: { label: string; options: readonly ChoiceOption<T>[]; columns: 1 | 2; mode: keyof typeof TILE_ROLES; isChosen: (value: T) => boolean; onPress: (value: T) => void }) {
  const roles = TILE_ROLES[mode];
  return (
    <View className={`case-choice case-choice--cols-${columns}`} role={roles.group} aria-label={label}>
      {options.map((o) => {
        const chosen = isChosen(o.value);
        return (
          <View
            key={o.value}
            className={`case-choice__option${chosen ? ' case-choice__option--chosen' : ''}`}
            role={roles.tile}
            aria-checked={chosen}
            {...pressable(() => onPress(o.value))}
            onClick={() => onPress(o.value)}
          >
            {chosen ? `✓ ${o.label}` : o.label}
          </View>
        );
      })}
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
