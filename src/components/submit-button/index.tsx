import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import type { Submit } from '../../services/use-submit';
import { BigButton } from '../big-button';

/** The function's refusal as one line read out at once (role=alert); nothing while there is none. */
export function SubmitError({ message }: { message: string }) {
  if (message === '') return null;
  return (
    <View className='section__error' role='alert'>
      {message}
    </View>
  );
}

interface SubmitButtonProps {
  /** The form's useSubmit: the button waits while it is busy, its message shows under the button. */
  submit: Pick<Submit, 'busy' | 'message'>;
  onClick: () => void;
  kind?: 'primary' | 'default';
  /** Held back for a reason of the form's own (e.g. nothing chosen yet), besides a call in flight. */
  disabled?: boolean;
}

/** A form's send button with what the function said if it refused, the block every small form ends with. */
export function SubmitButton({ submit, onClick, kind = 'primary', disabled = false, children }: PropsWithChildren<SubmitButtonProps>) {
  return (
    <>
      <BigButton kind={kind} disabled={submit.busy || disabled} onClick={onClick}>
        {children}
      </BigButton>
      <SubmitError message={submit.message} />
    </>
  );
}

/**
 * The end of an edit form (an admin record, a gift): what the function refused (with field errors, a
 * pointer to the red text under the fields), 已保存 once saved where the form stays open, and 保存.
 */
export function SaveFooter({ submit, saved = false, onSave, savedTestId }: { submit: Pick<Submit, 'busy' | 'message' | 'fields'>; saved?: boolean; onSave: () => void; savedTestId?: string }) {
  return (
    <>
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {Object.keys(submit.fields).length > 0 ? '请按红字提示修改后再保存' : submit.message}
        </View>
      )}
      {saved && (
        <View className='admin-saved' role='status' {...(savedTestId ? { 'data-testid': savedTestId } : {})}>
          已保存
        </View>
      )}
      <BigButton kind='primary' disabled={submit.busy} onClick={onSave}>
        {submit.busy ? '正在保存…' : '保存'}
      </BigButton>
    </>
  );
}
