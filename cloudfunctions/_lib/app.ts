import tcb from '@cloudbase/node-sdk';
import { invocationVariables, type PlatformContext } from './platform-context';

type App = ReturnType<typeof tcb.init>;
export type Database = ReturnType<App['database']>;

// One SDK instance per target: a warm CloudBase instance reuses it across invocations, and the local
// cloud (several may run in one test process) gets one per service URL.
const apps = new Map<string, App>();

/**
 * The one data-access entry point. Production: `tcb.init({ env: current })`, credentials from the
 * platform. Locally the local cloud sets GRIDLINK_TCB_SERVICE_URL, and the same SDK talks to it.
 */
export function getApp(context?: PlatformContext): App {
  const vars = invocationVariables(context);
  const serviceUrl = stringOr(vars.GRIDLINK_TCB_SERVICE_URL, process.env.GRIDLINK_TCB_SERVICE_URL);
  const env = stringOr(vars.TCB_ENV, vars.SCF_NAMESPACE);
  const secretId = stringOr(vars.TENCENTCLOUD_SECRETID);
  const secretKey = stringOr(vars.TENCENTCLOUD_SECRETKEY);
  const key = `${serviceUrl ?? 'cloudbase'}|${env ?? 'current'}|${secretId ?? ''}`;
  let app = apps.get(key);
  if (!app) {
    app = serviceUrl
      ? // The local cloud verifies signatures, with the keys it puts in the invocation's environment as SCF does.
        tcb.init({ env: env ?? 'gridlink-local', serviceUrl, secretId, secretKey })
      : tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    apps.set(key, app);
  }
  return app;
}

export function getDb(context?: PlatformContext): Database {
  return getApp(context).database();
}

function stringOr(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.length > 0);
}
