import { View } from '@tarojs/components';
import { BigButton } from '../../../../components/big-button';
import { Section } from '../../../../components/section';
import { copyText, isH5 } from '../../../../services/platform';
import { VolunteerQr } from '../../../../components/volunteer-qr';
import { checkInQrText, groupCode } from '../../shared/scan-code';
import { activityUrl } from '../../shared/share';
import type { ActivityDetail } from '../../shared/types';

/** The activity's card for the community volunteer group, and the check-in code for the place. */
export function ShareSection({ activity: a }: { activity: ActivityDetail }) {
  return (
    <>
      <Section heading='发到志愿者群'>
        {isH5 ? (
          <>
            <View className='section__help'>复制活动链接，发到社区志愿者微信群，志愿者点开就能报名。</View>
            <BigButton onClick={() => void copyText(activityUrl(a.activityId), '链接已复制')}>复制活动链接</BigButton>
          </>
        ) : (
          <View className='section__help'>点右上角“···”，选“转发给朋友”，发到社区志愿者群；志愿者点开卡片就能报名。</View>
        )}
      </Section>
      {a.checkInCode && (
        <Section heading='现场签到码'>
          <View className='section__text'>活动开始时，请到场的志愿者打开“志愿服务 → 活动签到”，点“扫码签到”扫这个二维码；不会扫码的，把下面的签到码念给他输入，或在名单里替他签到。</View>
          <View className='vol-qr-box'>
            <VolunteerQr text={checkInQrText(a.activityId, a.checkInCode)} label={`${a.title}的签到二维码`} />
          </View>
          <View className='vol-code vol-code--long' aria-label={`签到码 ${a.checkInCode.split('').join(' ')}`}>
            {groupCode(a.checkInCode)}
          </View>
          <View className='section__help'>志愿者不会操作手机时，可在下面的名单里替他签到。</View>
        </Section>
      )}
    </>
  );
}
