import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { CallButton } from '../../../components/call-button';
import type { CaseDetail } from '../../../domain/case/api';
import { isOpen } from '../../../domain/case/case-state';
import { isH5, mapLinkOf, openMap } from '../../../services/platform';

/**
 * Reach the reporter and the spot from the case (issue 8 item 8): 拨打上报人电话 when they left a
 * number, 导航到现场 when the report has a point (weapp: WeChat's map; H5: a map link). Open cases only.
 */
export function ReachButtons({ detail }: { detail: CaseDetail }) {
  const { lat, lng, address } = detail.location;
  const phone = detail.reporter?.phone;
  const spot = lat !== undefined && lng !== undefined ? { latitude: lat, longitude: lng, name: address || detail.categoryLabel } : null;
  if (!isOpen(detail) || (!phone && !spot)) return null;
  return (
    <View className='section__actions'>
      {phone && <CallButton phone={phone} who={detail.reporter?.name ?? '上报人'} label='拨打上报人电话' />}
      {spot &&
        (isH5 ? (
          <a className='call-button call-button--plain' href={mapLinkOf(spot)} target='_blank' rel='noopener noreferrer' aria-label={`导航到现场：${spot.name}`}>
            导航到现场
          </a>
        ) : (
          <BigButton onClick={() => openMap(spot)}>导航到现场</BigButton>
        ))}
    </View>
  );
}
