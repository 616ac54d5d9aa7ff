import Taro from '@tarojs/taro';

const ROOT = '/packages/volunteer';

/** Opens a page of the volunteer subpackage: `go('activity', { activityId })`. */
export function go(page: string, params: Record<string, string> = {}): void {
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  void Taro.navigateTo({ url: `${ROOT}/${page}/index${query ? `?${query}` : ''}` });
}
