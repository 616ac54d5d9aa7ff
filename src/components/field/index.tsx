import { Input, Textarea, View } from '@tarojs/components';
import './index.scss';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The function's Chinese message for this field (CallError.fields), shown right under it. */
  error?: string;
  /** 'phone' keeps a text keyboard: landlines carry a dash (0551-62345678). */
  kind?: 'text' | 'number' | 'phone' | 'multiline';
  placeholder?: string;
  disabled?: boolean;
  maxLength?: number;
}

/** A labelled form field with its error next to it. The label is also the input's accessible name. */
export function Field({ label, value, onChange, error, kind = 'text', placeholder, disabled = false, maxLength = 300 }: FieldProps) {
  const a11y = { 'aria-label': label, 'aria-invalid': error ? 'true' : 'false' };
  const inputClass = `field__input${error ? ' field__input--error' : ''}`;
  return (
    <View className='field'>
      <View className='field__label' aria-hidden='true'>
        {label}
      </View>
      {kind === 'multiline' ? (
        <Textarea
          className={`${inputClass} field__input--multiline`}
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          maxlength={maxLength}
          onInput={(e) => onChange(e.detail.value)}
          nativeProps={a11y}
        />
      ) : (
        <Input
          className={inputClass}
          value={value}
          type={kind === 'number' ? 'number' : 'text'}
          placeholder={placeholder}
          disabled={disabled}
          maxlength={maxLength}
          onInput={(e) => onChange(e.detail.value)}
          nativeProps={a11y}
        />
      )}
      {error && (
        <View className='field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
