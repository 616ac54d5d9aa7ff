import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../components/big-button';
import { CHECK_IN_URL, sceneOfPath } from '../../../services/worker-links';

/**
 * 楼栋打卡: weapp scans the building's code in the app (scanCode answers the code's path with its scene)
 * and opens the check-in page; in a browser the phone camera opens the code's link, which is that page.
 */
export function ScanBuilding() {
  if (process.env.TARO_ENV === 'h5') {
    return <View className='section__text'>到达楼栋时，用手机相机扫描楼栋上的巡查码即可打卡。</View>;
  }
  const scan = async () => {
    const res = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null);
    const scene = res ? sceneOfPath(res.path ?? res.result ?? '') : null;
    if (!scene) {
      if (res) void Taro.showToast({ title: '这不是楼栋巡查码', icon: 'none' });
      return;
    }
    void Taro.navigateTo({ url: `${CHECK_IN_URL}?scene=${encodeURIComponent(scene)}` });
  };
  return <BigButton onClick={() => void scan()}>扫楼栋码打卡</BigButton>;
}
