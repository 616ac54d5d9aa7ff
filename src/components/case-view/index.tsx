import { View } from '@tarojs/components';
import type { CaseDetail } from '../../domain/case/api';
import { isReturned } from '../../domain/case/case-state';
import { RATING_LABELS } from '../../domain/case/case-state';
import { CasePhotos } from '../case-photos';
import { CaseStateTag } from '../case-state';
import { Section } from '../section';
import { formatTime } from './format-time';
import './index.scss';

const LEVEL_LABELS = { community: '社区', street: '街道', street_leader: '街道分管领导' } as const;

/** What the case is and where it stands: shared by the resident's page and the staff handling page. */
export function CaseView({ detail }: { detail: CaseDetail }) {
  return (
    <Section heading={`${detail.categoryLabel}`}>
      <View className='case-view__row'>
        <CaseStateTag state={detail.state} />
        <View className='case-view__class'>{detail.classLabel}</View>
      </View>
      {isReturned(detail) && detail.returnReason && (
        <View className='case-view__returned' role='note'>
          退回原因：{detail.returnReason}
        </View>
      )}
      {detail.overdueLevel && <View className='case-view__overdue'>超时未办，已上报{LEVEL_LABELS[detail.overdueLevel]}督办</View>}
      <View className='case-view__desc'>{detail.description}</View>
      <CasePhotos label='上报的照片' photos={detail.photoUrls.map((url) => ({ key: url, url }))} />
      <View className='case-view__fact'>地点：{detail.location.address || '已定位（未写地址）'}</View>
      <View className='case-view__fact'>上报时间：{formatTime(detail.createdAt)}</View>
      {detail.reporter && (
        <View className='case-view__fact'>
          上报人：{detail.anonymous ? `${detail.reporter.name}（匿名，居民看不到）` : detail.reporter.name}
          {detail.reporter.phone ? ` ${detail.reporter.phone}` : ''}
        </View>
      )}
      {detail.dueAt && <View className='case-view__fact'>办理期限：{formatTime(detail.dueAt)}</View>}
      {detail.transfer && (
        <View className='case-view__fact'>
          已移交：{detail.transfer.agency}。{detail.transfer.record}
        </View>
      )}
      {detail.rating && (
        <View className='case-view__fact'>
          评价：{RATING_LABELS[detail.rating]}
          {detail.ratingComment ? `，${detail.ratingComment}` : ''}
        </View>
      )}
    </Section>
  );
}
