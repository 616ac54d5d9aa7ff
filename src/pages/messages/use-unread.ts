import { call } from '../../services/call';
import { useQuery } from '../../services/use-query';

/** Unread messages of the caller (0 while loading or when it fails: the entry is there either way). */
export function useUnread(): number {
  const { state } = useQuery(() => call('case', 'notifications', {}));
  return state.status === 'ready' ? state.data.unread : 0;
}
