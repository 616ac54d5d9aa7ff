import Taro from '@tarojs/taro';
import { call } from './call';
import { requestJson } from './transport/http-request';

/**
 * WeChat's one-time subscription: `wx.requestSubscribeMessage` shows WeChat's own prompt (it must be
 * called from a tap), each 允许 lets the app send ONE message with that template. WeChat tells the app
 * the answer only here, so the accepted ids are reported to `case.acceptSubscriptions`, which the
 * sender counts down (never sending without one). Locally there is no WeChat client: the local cloud's
 * WeChat stands in (`POST /internal/wx/subscribe`, dev/test mode only).
 */
export async function requestSubscription(tmplIds: string[]): Promise<string[]> {
  const answer = await askWeChat(tmplIds);
  const accepted = tmplIds.filter((id) => answer[id] === 'accept');
  if (accepted.length > 0) await call('case', 'acceptSubscriptions', { templateIds: accepted });
  return accepted;
}

type SubscribeAnswer = Record<string, unknown>;

/** WeChat's own prompt (weapp). */
async function askWeChatClient(tmplIds: string[]): Promise<SubscribeAnswer> {
  const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as SubscribeAnswer;
  // DevTools pointed at the local cloud: tell its WeChat too, or it would answer 43101.
  if (mirrorToLocalWeChat) await mirrorToLocalWeChat(tmplIds.filter((id) => answer[id] === 'accept'));
  return answer;
}

/** The local cloud's WeChat (dev/test mode): answers as WeChat's prompt does, as if the user allowed. */
async function askLocalWeChat(base: string, tmplIds: string[]): Promise<SubscribeAnswer> {
  if (tmplIds.length === 0) return {};
  const res = await requestJson({ method: 'POST', url: `${base.replace(/\/+$/, '')}/internal/wx/subscribe`, body: { tmplIds } });
  return res.status === 200 && res.body && typeof res.body === 'object' ? (res.body as SubscribeAnswer) : {};
}

// Chosen with literal env checks (constants at build time), so a production build keeps neither local path:
// an async function's body cannot be pruned after transpiling, a whole unused function can.
const mirrorToLocalWeChat: ((accepted: string[]) => Promise<unknown>) | null =
  process.env.TARO_APP_LOCAL === 'true' && process.env.TARO_APP_LOCAL_CLOUD_URL ? (accepted) => askLocalWeChat(process.env.TARO_APP_LOCAL_CLOUD_URL ?? '', accepted) : null;

const askWeChat: (tmplIds: string[]) => Promise<SubscribeAnswer> =
  process.env.TARO_ENV === 'weapp'
    ? askWeChatClient
    : process.env.TARO_APP_LOCAL === 'true'
      ? (tmplIds) => askLocalWeChat(process.env.TARO_APP_API_BASE ?? '', tmplIds)
      : async () => ({}); // an H5 build outside the local cloud has no WeChat to ask
