import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import Taro from '@tarojs/taro';
import { Section } from '../../components/section';
import { ROLE_LABELS } from '../../domain/user';
import type { MeState } from './use-me';
import { roleEntries } from './role-entries';

interface ProfileSectionProps {
  state: MeState;
  onRetry: () => void;
}

/** Who is calling, as `user.me` says: the round-trip check of the client. */
export function ProfileSection({ state, onRetry }: ProfileSectionProps) {
  if (state.status === 'loading') {
    return (
      <Section heading='我的信息'>
        <View className='section__text'>正在加载…</View>
      </Section>
    );
  }
  if (state.status === 'failed') {
    const notSignedIn = state.error.code === 'UNAUTHENTICATED';
    return (
      <Section heading='我的信息'>
        <View className='section__error' role='alert'>
          {notSignedIn ? '还没有登录' : state.error.message}
        </View>
        <BigButton kind='primary' onClick={onRetry}>
          重新加载
        </BigButton>
      </Section>
    );
  }
  const { me } = state;
  const labels = me.roles.map((g) => ROLE_LABELS[g.role]);
  const uniqueLabels = [...new Set(labels)];
  return (
    <Section heading='我的信息'>
      <View className='section__text' data-testid='me-name'>
        您好，{me.name}
      </View>
      <View className='section__text' data-testid='me-roles'>
        身份：{uniqueLabels.length > 0 ? uniqueLabels.join('、') : '居民'}
      </View>
      <View className='section__actions'>
        {roleEntries(me.roles.map((g) => g.role)).map((entry) => (
          <BigButton key={entry.url} onClick={() => Taro.navigateTo({ url: entry.url })}>
            {entry.label}
          </BigButton>
        ))}
      </View>
    </Section>
  );
}
