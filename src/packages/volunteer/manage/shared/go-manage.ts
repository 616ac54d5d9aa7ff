import { go } from '../../shared/go';

/** Opens a staff page of the volunteer subpackage: `goManage('activity', { activityId })`. */
export function goManage(page: string, params: Record<string, string> = {}): void {
  go(`manage/${page}`, params);
}
