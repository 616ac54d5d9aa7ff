import { LOCAL_ENV_ID, answerMetadataLookupsLocally, localServiceUrl } from '../../local-cloud/local-sdk';
import { VENDOR_CLOUD_URL_KEY } from './vendor-cloud-key';

/**
 * Stands in for the vendor's `test/config.local.js` (which reads real CloudBase keys): the same
 * `tcb.init(Config)` now reaches the local cloud that `vendor-environment.ts` started for this test file.
 */
const baseUrl = (globalThis as Record<string, unknown>)[VENDOR_CLOUD_URL_KEY];
if (typeof baseUrl !== 'string') throw new Error('config.local: no local cloud (run through the vendor jest project)');
answerMetadataLookupsLocally();

export const env = LOCAL_ENV_ID;
export const serviceUrl = localServiceUrl(baseUrl);
export const secretId = 'local';
export const secretKey = 'local';
export const appId = undefined;
export const region = undefined;
