/** The global the vendor test environment sets to the base URL of this test file's local cloud. */
export const VENDOR_CLOUD_URL_KEY = '__GRIDLINK_VENDOR_CLOUD_URL__';
