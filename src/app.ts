import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { listenForPrivacyRequests } from './services/privacy';
import { initCloud, usesCloudTransport } from './services/transport';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // wx.cloud needs init once before the first call; H5 and the local-cloud HTTP path do not.
    if (process.env.TARO_ENV === 'weapp' && usesCloudTransport()) initCloud();
    // Photos and location are privacy APIs: WeChat asks us to show the notice before the first use.
    listenForPrivacyRequests();
  });
  return children;
}

export default App;
