import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { Section } from '../../components/section';
import { useFontScale } from '../../components/page-shell/use-font-scale';
import { call, isCallError } from '../../services/call';
import { FONT_SCALE_LABELS, setFontScale, type FontScale } from '../../services/font-scale';
import { FONT_SCALES } from '../../domain/user';

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; text: string } | { status: 'failed'; text: string };

/** Three buttons that save the text size with `user.updatePrefs` and show what the server answered. */
export function FontScaleSection() {
  const current = useFontScale();
  const [save, setSave] = useState<SaveState>({ status: 'idle' });

  const choose = (fontScale: FontScale) => {
    setSave({ status: 'saving' });
    call('user', 'updatePrefs', { fontScale })
      .then((prefs) => {
        setFontScale(prefs.fontScale);
        setSave({ status: 'saved', text: `已保存：${FONT_SCALE_LABELS[prefs.fontScale]}（第 ${prefs.version} 版）` });
      })
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setSave({ status: 'failed', text: e.message });
      });
  };

  return (
    <Section heading='字体大小'>
      <View className='section__actions'>
        {FONT_SCALES.map((scale) => (
          <BigButton
            key={scale}
            kind={scale === current ? 'primary' : 'default'}
            disabled={save.status === 'saving'}
            onClick={() => choose(scale)}
          >
            {scale === current ? `${FONT_SCALE_LABELS[scale]}（当前）` : FONT_SCALE_LABELS[scale]}
          </BigButton>
        ))}
      </View>
      {save.status === 'saved' && (
        <View className='section__text' role='status' data-testid='prefs-result'>
          {save.text}
        </View>
      )}
      {save.status === 'failed' && (
        <View className='section__error' role='alert' data-testid='prefs-result'>
          {save.text}
        </View>
      )}
    </Section>
  );
}
