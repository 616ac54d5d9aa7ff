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
