import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { call } from '../../../services/call';
import { useQuery } from '../../../services/use-query';
import { activityPath, activityShareTitle } from './share';

/**
 * The activity a page was opened for (`?activityId=`), and that page's share card: for the volunteer and
 * for the organiser alike the card opens the volunteers' page of the activity, where they sign up.
 * Call it from the page component itself (WeChat asks the page for its share card).
 */
export function useSharedActivity() {
  const activityId = useRouter().params.activityId ?? '';
  const query = useQuery(() => call('volunteer', 'activity', { activityId }));
  useShareAppMessage(() => ({
    title: query.state.status === 'ready' ? activityShareTitle(query.state.data) : '志愿活动',
    path: activityPath(activityId),
  }));
  return query;
}
