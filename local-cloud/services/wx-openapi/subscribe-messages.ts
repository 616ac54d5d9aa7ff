import { randomBytes } from 'node:crypto';
import { isAppPage } from './app-pages';
import { keywordProblem } from './keyword-rules';

/**
 * What the local WeChat does with `subscribeMessage.send`: the checks WeChat's API reference lists, in
 * its errcodes (40003 openid, 40037 template_id, 41030 page, 47003 data, 43101 no subscription left),
 * then `{ errcode: 0, errmsg: 'ok', msgid }`. Every accepted message is kept so a developer
 * (GET /internal/wx/messages) or a test can see what reached "the phone".
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
  msgid?: number;
}

/** The mini-program's templates as added in the WeChat admin console: id → keyword keys. */
export type TemplateRegistry = Map<string, readonly string[]>;

/** WeChat appends a request id to every errmsg ("invalid page rid: 5f86bdd6-15ceb0dc-3ad307da"). */
const withRid = (errmsg: string) => `${errmsg} rid: ${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
const refuse = (errcode: number, errmsg: string): WxAnswer => ({ errcode, errmsg: withRid(errmsg) });

export class SubscribeMessageInbox {
  private messages: ReceivedMessage[] = [];
  /** Test control: the next sends answer these errcodes (system busy, quota …) instead of ok. */
  private failures: WxAnswer[] = [];
  /** One-time subscriptions: `openid|template_id` → sends left (each 允许 in requestSubscribeMessage adds one). */
  private quota = new Map<string, number>();
  private nextMsgId = 1;

  constructor(
    private readonly templates: () => TemplateRegistry,
    private readonly pages: () => ReadonlySet<string>,
  ) {}

  send(request: Record<string, unknown>, now: Date): WxAnswer {
    const refusal = this.check(request);
    if (refusal) return refusal;
    const { touser, template_id: templateId, page, data } = request as { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> };
    const failure = this.failures.shift();
    if (failure) return failure;
    const key = `${touser}|${templateId}`;
    const left = this.quota.get(key) ?? 0;
    if (left <= 0) return refuse(43101, 'user refuse to accept the msg');
    this.quota.set(key, left - 1);
    this.messages.push({ touser, template_id: templateId, page: page ?? null, data, receivedAt: now.toISOString() });
    return { errcode: 0, errmsg: 'ok', msgid: this.nextMsgId++ };
  }

  private check(request: Record<string, unknown>): WxAnswer | null {
    const { touser, template_id: templateId, page, data } = request;
    if (typeof touser !== 'string' || touser.trim() === '') return refuse(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId === '') return refuse(40037, 'invalid template id');
    const keys = this.templates().get(templateId);
    if (!keys) return refuse(40037, 'invalid template id');
    // "该字段不填则模板无跳转": absent is fine; present must be a page of the released app.
    if (page !== undefined && page !== null && (typeof page !== 'string' || !isAppPage(this.pages(), page, true))) return refuse(41030, 'invalid page');
    if (!data || typeof data !== 'object' || Array.isArray(data)) return refuse(47003, 'argument invalid! data is empty');
    const entries = data as Record<string, unknown>;
    for (const key of Object.keys(entries)) {
      if (!keys.includes(key)) return refuse(47003, `argument invalid! data.${key}.value invalid`);
    }
    for (const key of keys) {
      const value = (entries[key] as { value?: unknown } | undefined)?.value;
      const problem = keywordProblem(key, value);
      if (problem) return refuse(47003, problem);
    }
    return null;
  }

  /** The user tapped 允许 for these templates in `wx.requestSubscribeMessage`: one more send each. */
  accept(openid: string, templateIds: readonly string[]): Record<string, 'accept' | 'reject'> {
    const result: Record<string, 'accept' | 'reject'> = {};
    for (const id of templateIds) {
      if (!this.templates().has(id)) {
        result[id] = 'reject';
        continue;
      }
      const key = `${openid}|${id}`;
      this.quota.set(key, (this.quota.get(key) ?? 0) + 1);
      result[id] = 'accept';
    }
    return result;
  }

  quotaOf(openid: string): Record<string, number> {
    const prefix = `${openid}|`;
    return Object.fromEntries([...this.quota].filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]));
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
    this.quota.clear();
    this.nextMsgId = 1;
  }
}
