import tcb from '@cloudbase/node-sdk';

/** The env id the local cloud answers to; CloudBase environments have ids like `gridlink-1g2h3`. */
export const LOCAL_ENV_ID = 'gridlink-local';

/** Where the SDK sends CloudBase admin API calls locally (ARCHITECTURE §1: `serviceUrl`). */
export function localServiceUrl(baseUrl: string): string {
  return `${baseUrl}/admin`;
}

type App = ReturnType<typeof tcb.init>;
const apps = new Map<string, App>();

/**
 * The real SDK pointed at a local cloud, for the local cloud's own tooling (dev login, seeding, tests):
 * the same data path the functions use, never a second one.
 */
export function localApp(baseUrl: string): App {
  const serviceUrl = localServiceUrl(baseUrl);
  let app = apps.get(serviceUrl);
  if (!app) {
    app = tcb.init({ env: LOCAL_ENV_ID, serviceUrl, secretId: 'local', secretKey: 'local' });
    apps.set(serviceUrl, app);
  }
  return app;
}
