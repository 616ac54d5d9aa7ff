/**
 * The TARO_APP_* variables the app reads, resolved from the shell at build time.
 * Every one is listed here so a build never silently misses one.
 */
export interface AppEnv {
  /** 'true' shows the dev-login page and its link; production builds must be 'false'. */
  TARO_APP_LOCAL: 'true' | 'false';
  /** CloudBase env id for weapp's Taro.cloud.init; empty means the DevTools default env. */
  TARO_APP_CLOUD_ENV: string;
  /** When set, weapp calls the local cloud over HTTP (DevTools against `npm start`) instead of wx.cloud. */
  TARO_APP_LOCAL_CLOUD_URL: string;
  /** Base URL for H5 calls; empty means same origin (the local cloud serves dist/h5). */
  TARO_APP_API_BASE: string;
}

export function resolveAppEnv(mode: string | undefined): AppEnv {
  const explicit = process.env.TARO_APP_LOCAL;
  // Default: local for development builds, never for production ones, unless the shell says otherwise.
  const isProduction = mode === 'production' || process.env.NODE_ENV === 'production';
  const local = explicit === 'true' || explicit === 'false' ? explicit : isProduction ? 'false' : 'true';
  return {
    TARO_APP_LOCAL: local,
    TARO_APP_CLOUD_ENV: process.env.TARO_APP_CLOUD_ENV ?? '',
    TARO_APP_LOCAL_CLOUD_URL: process.env.TARO_APP_LOCAL_CLOUD_URL ?? '',
    TARO_APP_API_BASE: process.env.TARO_APP_API_BASE ?? '',
  };
}
