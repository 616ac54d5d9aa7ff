import { LOCAL_ENV_ID, answerMetadataLookupsLocally, localServiceUrl } from '../../local-cloud/local-sdk';
import { VENDOR_CLOUD_KEYS_KEY, VENDOR_CLOUD_URL_KEY } from './vendor-cloud-key';

/**
 * Stands in for the vendor's `test/config.local.js` (which reads real CloudBase keys): the same
 * `tcb.init(Config)` now reaches the local cloud that `vendor-environment.ts` started for this test file.
 */
const baseUrl = (globalThis as Record<string, unknown>)[VENDOR_CLOUD_URL_KEY];
if (typeof baseUrl !== 'string') throw new Error('config.local: no local cloud (run through the vendor jest project)');
answerMetadataLookupsLocally();

export const env = LOCAL_ENV_ID;
export const serviceUrl = localServiceUrl(baseUrl);
// The local cloud verifies the SDK's signatures with its own generated key pair.
const keys = (globalThis as Record<string, unknown>)[VENDOR_CLOUD_KEYS_KEY] as { secretId: string; secretKey: string } | undefined;
if (!keys) throw new Error('config.local: no admin keys for the local cloud');
export const secretId = keys.secretId;
export const secretKey = keys.secretKey;
export const appId = undefined;
export const region = undefined;
