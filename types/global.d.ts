/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro from `--type`. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd';
    /** See config/app-env.ts for what each one does and its default. */
    TARO_APP_LOCAL?: 'true' | 'false';
    TARO_APP_CLOUD_ENV?: string;
    TARO_APP_LOCAL_CLOUD_URL?: string;
    TARO_APP_API_BASE?: string;
  }
}

/** uCharts ships plain JS without types; the options we pass are listed in src/components/stat-chart. */
declare module '@qiun/ucharts' {
  export default class uCharts {
    constructor(opts: Record<string, unknown>);
  }
}
