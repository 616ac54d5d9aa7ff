/** The global the vendor test environment sets to the base URL of this test file's local cloud. */
export const VENDOR_CLOUD_URL_KEY = '__GRIDLINK_VENDOR_CLOUD_URL__';

/** The global holding that cloud's admin key pair ({ secretId, secretKey }): the admin API checks signatures. */
export const VENDOR_CLOUD_KEYS_KEY = '__GRIDLINK_VENDOR_CLOUD_KEYS__';
