import type { PropsWithChildren } from 'react';
import { Button } from '@nutui/nutui-react-taro';

interface BigButtonProps {
  onClick: () => void;
  /** 'primary' for the one action the page is about (or the chosen option); 'default' otherwise. */
  kind?: 'primary' | 'default';
  disabled?: boolean;
}

/**
 * NutUI's Button at full width and touch-target height (see app.scss --gl-touch).
 * On H5 Taro renders it as a custom element that is neither focusable nor announced as a button,
 * so we add role, tab stop and Enter/Space there; weapp's native <button> already has them.
 */
export function BigButton({ onClick, kind = 'default', disabled = false, children }: PropsWithChildren<BigButtonProps>) {
  const h5A11y =
    process.env.TARO_ENV === 'h5'
      ? {
          role: 'button',
          tabIndex: disabled ? -1 : 0,
          'aria-disabled': disabled,
          onKeyDown: (e: { key: string; preventDefault: () => void }) => {
            if (disabled || (e.key !== 'Enter' && e.key !== ' ')) return;
            e.preventDefault();
            onClick();
          },
        }
      : {};
  return (
    <Button {...h5A11y} type={kind} size='large' block disabled={disabled} onClick={() => onClick()}>
      {children}
    </Button>
  );
}
