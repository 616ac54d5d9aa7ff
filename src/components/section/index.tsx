import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

interface SectionProps {
  heading: string;
}

/** A white card with a heading: the one block every placeholder page is built from. */
export function Section({ heading, children }: PropsWithChildren<SectionProps>) {
  return (
    <View className='section'>
      <View className='section__heading' role='heading' aria-level={2}>
        {heading}
      </View>
      {children}
    </View>
  );
}
