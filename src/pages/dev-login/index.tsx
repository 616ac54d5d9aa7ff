import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { devLogin, listDevUsers, type DevUser } from '../../services/dev-session';
import { isCallError } from '../../services/call';

type ListState = { status: 'loading' } | { status: 'ready'; users: DevUser[] } | { status: 'failed'; message: string };

/** Local builds only (see app.config.ts): sign in as any seeded user, then back to home. */
export default function DevLoginPage() {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [loginError, setLoginError] = useState('');

  const load = () => {
    setList({ status: 'loading' });
    listDevUsers()
      .then((users) => setList({ status: 'ready', users }))
      .catch((e: unknown) => setList({ status: 'failed', message: isCallError(e) ? e.message : String(e) }));
  };
  useLoad(load);

  const signIn = (userId: string) => {
    setLoginError('');
    devLogin(userId)
      .then(() => Taro.reLaunch({ url: '/pages/index/index' }))
      .catch((e: unknown) => setLoginError(isCallError(e) ? e.message : String(e)));
  };

  return (
    <PageShell title='切换测试用户'>
      <Section heading='选择一位用户'>
        <View className='section__help'>仅本地调试可见，正式版没有此页面。</View>
        {list.status === 'loading' && <View className='section__text'>正在加载…</View>}
        {list.status === 'failed' && (
          <View className='section__error' role='alert'>
            {list.message}
          </View>
        )}
        {loginError !== '' && (
          <View className='section__error' role='alert'>
            {loginError}
          </View>
        )}
        {list.status === 'ready' && list.users.length === 0 && <View className='section__text'>还没有测试用户，请先导入种子数据。</View>}
        {list.status === 'ready' && (
          <View className='section__actions'>
            {list.users.map((u) => (
              <BigButton key={u.userId} onClick={() => signIn(u.userId)}>
                {u.roleLabels.length > 0 ? `${u.name}（${u.roleLabels.join('、')}）` : u.name}
              </BigButton>
            ))}
          </View>
        )}
        {list.status === 'failed' && (
          <BigButton kind='primary' onClick={load}>
            重新加载
          </BigButton>
        )}
      </Section>
      <Section heading='通知'>
        <BigButton onClick={() => Taro.navigateTo({ url: '/pages/dev-notifications/index' })}>查看通知发送记录</BigButton>
      </Section>
    </PageShell>
  );
}
