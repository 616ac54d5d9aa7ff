import Taro from '@tarojs/taro';

/**
 * WeChat's privacy-authorisation flow (onNeedPrivacyAuthorization): when a page calls a privacy API
 * (photos, location, phone) and the user has not agreed yet, WeChat holds the call and asks the app to
 * show its notice; the app answers `agree` only after the user taps a button with
 * open-type="agreePrivacyAuthorization" (WeChat checks that tap). H5 has no such flow: the report form
 * states the notice next to the submit button instead (see components/privacy-notice).
 */
type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
type Listener = (pending: boolean) => void;

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

let pendingResolve: Resolve | null = null;
const listeners = new Set<Listener>();
let registered = false;

/** Called once at launch (weapp only): WeChat calls back when a privacy API needs the user's consent. */
export function listenForPrivacyRequests(): void {
  if (registered || process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  registered = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pendingResolve = resolve;
    resolve({ event: 'exposureAuthorization' });
    listeners.forEach((l) => l(true));
  });
}

export function subscribePrivacyRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function answerPrivacyRequest(agreed: boolean): void {
  pendingResolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
  pendingResolve = null;
  listeners.forEach((l) => l(false));
}
