import { callFunction, loginAs, post } from '../integration/function-cloud';

/**
 * A user taps 允许 in WeChat's subscription prompt `times` times for each template: the local WeChat
 * grants the one-time sends (what WeChat itself records), and the app reports the acceptance to
 * `case.acceptSubscriptions` (what the client does with WeChat's answer) — the same two steps the app's
 * subscription adapter takes.
 */
export async function subscribe(baseUrl: string, userId: string, templateIds: string[], times = 1): Promise<void> {
  const cookie = await loginAs(baseUrl, userId);
  for (let i = 0; i < times; i++) {
    const wx = await post(baseUrl, '/internal/wx/subscribe', { tmplIds: templateIds }, cookie);
    if (wx.status !== 200) throw new Error(`requestSubscribeMessage failed: ${JSON.stringify(wx.body)}`);
    const accepted = templateIds.filter((id) => wx.body[id] === 'accept');
    const answer = await callFunction(baseUrl, 'case', 'acceptSubscriptions', { templateIds: accepted }, cookie);
    if (!answer.body.ok) throw new Error(`acceptSubscriptions failed: ${JSON.stringify(answer.body)}`);
  }
}

export const RESIDENT_TEMPLATE = 'TEMPLATE_CASE_PROGRESS';
export const STAFF_TEMPLATE = 'TEMPLATE_CASE_TODO';
