/**
 * What the local WeChat does with `subscribeMessage.send`: checks the request the way WeChat's API
 * reference describes, answers `{ errcode: 0, errmsg: 'ok' }`, and keeps every message it accepted so a
 * developer (GET /internal/wx/messages) or a test can see what reached "the phone".
 */
export interface ReceivedMessage {
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, { value: string }>;
  /** Local clock time of receipt. */
  receivedAt: string;
}

export interface WxAnswer {
  errcode: number;
  errmsg: string;
}

export class SubscribeMessageInbox {
  private messages: ReceivedMessage[] = [];
  /** Test control: the next sends answer these errcodes (system busy, quota …) instead of ok. */
  private failures: WxAnswer[] = [];

  send(request: Record<string, unknown>, now: Date): WxAnswer {
    const { touser, template_id: templateId, page, data } = request;
    if (typeof touser !== 'string' || touser === '') return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof templateId !== 'string' || templateId === '') return { errcode: 40037, errmsg: 'invalid template_id' };
    if (page !== undefined && typeof page !== 'string') return { errcode: 47003, errmsg: 'argument invalid! page' };
    if (!isTemplateData(data)) return { errcode: 47003, errmsg: 'argument invalid! data.value' };
    const failure = this.failures.shift();
    if (failure) return failure;
    this.messages.push({ touser, template_id: templateId, page: page ?? null, data, receivedAt: now.toISOString() });
    return { errcode: 0, errmsg: 'ok' };
  }

  failNext(count: number, answer: WxAnswer): void {
    for (let i = 0; i < count; i++) this.failures.push(answer);
  }

  list(): ReceivedMessage[] {
    return [...this.messages];
  }

  clear(): void {
    this.messages = [];
    this.failures = [];
  }
}

function isTemplateData(v: unknown): v is Record<string, { value: string }> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v).every((entry) => entry && typeof entry === 'object' && typeof (entry as { value?: unknown }).value === 'string');
}
