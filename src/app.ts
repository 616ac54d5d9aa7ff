import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud, usesCloudTransport } from './services/transport';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // wx.cloud needs init once before the first call; H5 and the local-cloud HTTP path do not.
    if (process.env.TARO_ENV === 'weapp' && usesCloudTransport()) initCloud();
  });
  return children;
}

export default App;
