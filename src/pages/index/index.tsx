import Taro from '@tarojs/taro';
import { BigButton } from '../../components/big-button';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { useMe } from './use-me';
import { ProfileSection } from './profile-section';
import { FontScaleSection } from './font-scale-section';
import { MyGridSection } from './my-grid-section';
import { MESSAGES_URL, messagesLabel } from '../messages/links';
import { useUnread } from '../messages/use-unread';

/** Home (resident main package): 我的网格 first, who the user is, text size, and the resident's services. */
export default function IndexPage() {
  const { state, reload } = useMe();
  const unread = useUnread();
  return (
    <PageShell title='网格通'>
      <MyGridSection />
      <ProfileSection state={state} onRetry={reload} />
      <FontScaleSection />
      <Section heading='居民服务'>
        <View className='section__actions'>
          <BigButton onClick={() => Taro.navigateTo({ url: '/pages/report/index' })}>
            我要上报
          </BigButton>
          <BigButton onClick={() => Taro.navigateTo({ url: '/pages/my-reports/index' })}>
            我的上报
          </BigButton>
          <BigButton onClick={() => Taro.navigateTo({ url: MESSAGES_URL })}>{messagesLabel(unread)}</BigButton>
        </View>
      </Section>
      {/* Literal env check at the use site so production builds drop the link and the page path. */}
      {process.env.TARO_APP_LOCAL === 'true' && (
        <Section heading='本地调试'>
          <BigButton onClick={() => Taro.navigateTo({ url: '/pages/dev-login/index' })}>
            切换测试用户
          </BigButton>
        </Section>
      )}
    </PageShell>
  );
}
