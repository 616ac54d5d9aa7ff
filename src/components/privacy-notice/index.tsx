import { useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from '../case-choice/pressable';
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacyRequest, subscribePrivacyRequest } from '../../services/privacy';
import './index.scss';

/** What we collect and why, in the words a resident reads before sending anything. */
export const PRIVACY_TEXT =
  '您填写的问题、照片、位置和电话，只给本网格的网格员和社区、街道工作人员处理这件事时使用；不给其他居民看，不作他用。电话可以不填。';

/** Under the report's submit button: the notice a first-time visitor reads before their first report. */
export function PrivacyLine() {
  const [open, setOpen] = useState(false);
  return (
    <View className='privacy-line'>
      <View className='privacy-line__text'>
        点“提交上报”即表示您同意我们按
        <View className='privacy-line__link' role='button' aria-expanded={open} {...pressable(() => setOpen(!open))} onClick={() => setOpen(!open)}>
          《个人信息保护说明》
        </View>
        使用您填写的内容。
      </View>
      {open && <View className='privacy-line__full'>{PRIVACY_TEXT}</View>}
    </View>
  );
}

/**
 * weapp: the sheet WeChat's privacy flow needs (see services/privacy). Rendered by every page shell,
 * shown only while WeChat holds a privacy call (taking a photo, locating) for the user's answer.
 */
export function PrivacyPrompt() {
  const [pending, setPending] = useState(false);
  useEffect(() => subscribePrivacyRequest(setPending), []);
  if (!pending) return null;
  return (
    <View className='privacy-prompt' role='dialog' aria-modal='true' aria-label='个人信息保护说明'>
      <View className='privacy-prompt__box'>
        <View className='privacy-prompt__title'>个人信息保护说明</View>
        <View className='privacy-prompt__text'>{PRIVACY_TEXT}</View>
        <View className='privacy-prompt__link' onClick={() => Taro.openPrivacyContract({})}>
          查看完整的《隐私保护指引》
        </View>
        <Button className='privacy-prompt__agree' id={PRIVACY_AGREE_BUTTON_ID} openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacyRequest(true)}>
          同意
        </Button>
        <Button className='privacy-prompt__disagree' onClick={() => answerPrivacyRequest(false)}>
          不同意
        </Button>
      </View>
    </View>
  );
}
