/**
 * H5 renders a View as a custom element that is neither focusable nor pressed by Enter/Space; a View
 * given a role of button/radio/switch/link gets both here. weapp needs neither (the props are dropped).
 * Typed as `object` because Taro's ViewProps do not declare tabIndex/onKeyDown, which H5 passes through.
 */
export function pressable(onPress: () => void): object {
  if (process.env.TARO_ENV !== 'h5') return {};
  return {
    tabIndex: 0,
    onKeyDown: (e: { key: string; preventDefault: () => void }) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      onPress();
    },
  };
}
