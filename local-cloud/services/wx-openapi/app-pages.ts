import { appPagesOf, readAppConfig } from '../../../scripts/app-config.cjs';

/**
 * The pages of the mini-program as WeChat knows them: the production app.json, i.e. `src/app.config.ts`
 * evaluated with TARO_APP_LOCAL=false (scripts/app-config.cjs, the same reading as scripts/check-weapp.mjs).
 * WeChat answers 41030 to a `page` that is not one of these
 * ("page路径不正确,需要保证在现网版本小程序中存在,与app.json保持一致").
 */
export function readAppPages(root?: string): Set<string> {
  return new Set(appPagesOf(readAppConfig(root)));
}

/**
 * A `page` field as WeChat takes it: a page of the app, no leading "/", a query allowed only where the
 * API allows one (subscribeMessage yes, wxacode no: "不能携带参数").
 */
export function isAppPage(pages: ReadonlySet<string>, page: string, allowQuery: boolean): boolean {
  const [pathPart, query] = splitOnce(page, '?');
  if (query !== null && !allowQuery) return false;
  return pages.has(pathPart);
}

function splitOnce(s: string, sep: string): [string, string | null] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, null] : [s.slice(0, i), s.slice(i + 1)];
}
