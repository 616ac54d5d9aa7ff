import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { resolveAppEnv } from './app-env';

/**
 * Taro 4 build config, written by hand (no `taro init` templates offline).
 * Both weapp and h5 build into dist/<type>.
 */
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const appEnv = resolveAppEnv(mode);
  // app.config.ts is evaluated in Node by Taro, so it reads process.env directly; keep it in step with the define.
  process.env.TARO_APP_LOCAL = appEnv.TARO_APP_LOCAL;

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gridlink',
    date: '2026-11-23',
    // NutUI React Taro is drawn at 375 wide; we author our own styles at 375 too so one px means the same everywhere.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // Taro only injects TARO_APP_* from .env files; we also take them from the shell (CI, scripts).
    env: Object.fromEntries(Object.entries(appEnv).map(([k, v]) => [k, JSON.stringify(v)])),
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Pages import shared component styles in different orders; the order between these independent
      // stylesheets does not matter, and without this webpack prints a page of warnings per build.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      // Hash routing: the local cloud serves dist/h5 as static files with no history fallback.
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  return merge({}, baseConfig, mode === 'production' || process.env.NODE_ENV === 'production' ? prodConfig : devConfig);
});
