import { buildSync } from 'esbuild';
import path from 'node:path';

/**
 * The pages of the mini-program as WeChat knows them: the production app.json, i.e. `src/app.config.ts`
 * evaluated with TARO_APP_LOCAL=false (the same reading as scripts/check-weapp.mjs). WeChat answers 41030
 * to a `page` that is not one of these ("page路径不正确,需要保证在现网版本小程序中存在,与app.json保持一致").
 */
export function readAppPages(root = path.resolve(__dirname, '../../..')): Set<string> {
  const out = buildSync({
    entryPoints: [path.join(root, 'src', 'app.config.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    define: { 'process.env.TARO_APP_LOCAL': '"false"' },
    logLevel: 'silent',
  });
  const module = { exports: {} as { default?: AppConfig } };
  new Function('module', 'exports', 'defineAppConfig', out.outputFiles[0].text)(module, module.exports, (c: AppConfig) => c);
  const config = module.exports.default;
  if (!config) throw new Error('src/app.config.ts has no default export');
  return new Set([...config.pages, ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]);
}

interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
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
