import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { PrivacyPrompt } from '../privacy-notice';
import { ShellBar } from './shell-bar';
import { useFontScale } from './use-font-scale';
import './index.scss';

interface PageShellProps {
  /** Shown as the page's main heading. */
  title: string;
}

/**
 * Every page's outer frame: applies the user's font scale (mini-programs have no shared root element
 * to put it on) and gives the page one main heading.
 */
export function PageShell({ title, children }: PropsWithChildren<PageShellProps>) {
  const scale = useFontScale();
  return (
    <View className={`page-shell font-scale--${scale}`}>
      <ShellBar scale={scale} />
      <View className='page-shell__title' role='heading' aria-level={1}>
        {title}
      </View>
      {children}
      {process.env.TARO_ENV === 'weapp' && <PrivacyPrompt />}
    </View>
  );
}
